import { readFileSync } from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiyanScenario } from '../engine/fixtures';
import { computeScenario } from '../engine/compute';
import { parseScheduled, parseScheduledText, scheduledFromScenario } from './scheduled';
import { messageIn } from '@/lib/domain/engine-message';
import type { Message } from '../engine/problem';
import { parseTerms, TermsError, type PaymentTerms, type Problem } from './schema';
import { isSettled, parseMonitoring, parseMonitoringText, settle, traceSettlement, type Monitoring } from './settle';

/** Codes in English, as the `pes` CLI prints them. */
const english = (what: Message) => messageIn(what, 'en');
const lines = (problems: readonly Problem[]) => problems.map((p) => `${p.path}: ${english(p)}`);
const inEnglish = <T extends { ok: boolean }>(outcome: T) =>
  'problems' in outcome ? { ...outcome, problems: (outcome.problems as Problem[]).map((p) => ({ path: p.path, message: english(p) })) } : outcome;
/** A year's failure, its message in English. */
const failedInEnglish = <T extends object>(year: T) => ('error' in year ? { ...year, error: english(year.error as Message) } : year);

/** The problems a TermsError lists, in English. */
function thrownProblems(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof TermsError) return lines(e.problems).join('\n');
    throw e;
  }
  throw new Error('expected a TermsError');
}

const read = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const termsText = read('two-way-terms.json');
const monitoringText = read('two-way-monitoring.json');

function terms(patch: Partial<PaymentTerms> = {}): PaymentTerms {
  const r = parseTerms({ ...(JSON.parse(termsText) as object), ...patch });
  if (!r.ok) throw new Error(lines(r.problems).join('\n'));
  return r.terms;
}

function monitoring(t: PaymentTerms, json: unknown = JSON.parse(monitoringText)): Monitoring {
  const r = parseMonitoring(json, t);
  if (!r.ok) throw new Error(lines(r.problems).join('\n'));
  return r.monitoring;
}

/** P of the format document, computed by hand. */
function handP(m: { codmn: string; nh3n: string; tn: string; tp: string }): Decimal {
  const D = Decimal.clone({ precision: 64 });
  const quarter = new D('0.25');
  const sum = quarter.times(m.codmn).div('2.6').plus(quarter.times(m.nh3n).div('0.12')).plus(quarter.times(m.tn).div('1.2')).plus(quarter.times(m.tp).div('0.03'));
  return new D('0.9').times(sum);
}

describe('settle: the example of the format document', () => {
  const t = terms();
  const result = settle(t, monitoring(t));

  it('computes P and the payment of each year', () => {
    const p2018 = handP({ codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' });
    const p2019 = handP({ codmn: '2.80', nh3n: '0.15', tn: '1.40', tp: '0.035' });
    expect(p2018.toSignificantDigits(10).toString()).toBe('0.7792788462');
    expect(p2019.gt(1)).toBe(true);
    expect(result).toEqual({
      format: 'settlement/1',
      currency: 'CNY',
      unit: 1,
      years: [
        { year: 2018, values: { P: p2018.toSignificantDigits(40).toString(), payment: '200000000' }, payment: '200000000' },
        { year: 2019, values: { P: p2019.toSignificantDigits(40).toString(), payment: '-200000000' }, payment: '-200000000' },
        // The terms run to 2020, for which nothing was measured: listed as missing, never left out.
        { year: 2020, missing: ['codmn', 'nh3n', 'tn', 'tp'] },
      ],
      total: '0',
    });
  });

  it('explains every number', () => {
    const [y2018] = traceSettlement(t, monitoring(t));
    expect(y2018!.year).toBe(2018);
    expect(y2018!.steps.map((s) => s.name)).toEqual(['P', 'payment']);
    expect(y2018!.steps[0]!.text).toBe('P = 0.9 * (0.25 * 2.31 / 2.6 + 0.25 * 0.1 / 0.12 + 0.25 * 1.05 / 1.2 + 0.25 * 0.026 / 0.03) = 0.779278846153846');
    expect(y2018!.steps[0]!.value).toBe(result.years[0] && isSettled(result.years[0]) ? result.years[0].values.P : '');
    expect(y2018!.steps[1]!.text).toBe('payment = 0.779278846153846 <= 1 ? 200000000 : -200000000 = 200000000');
  });
});

describe('settle: missing data and failures', () => {
  it('reports a year lacking an indicator as missing, not as 0, and leaves it out of the total', () => {
    const t = terms();
    const r = settle(t, monitoring(t, { '2018': { codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' }, '2019': { codmn: '2.80', nh3n: '0.15', tn: '1.40' }, '2020': {} }));
    expect(r.years).toEqual([expect.objectContaining({ year: 2018, payment: '200000000' }), { year: 2019, missing: ['tp'] }, { year: 2020, missing: ['codmn', 'nh3n', 'tn', 'tp'] }]);
    expect(r.total).toBe('200000000');
    expect(traceSettlement(t, monitoring(t, { '2020': { codmn: '1' } }))).toEqual([
      { year: 2018, steps: [], missing: ['codmn', 'nh3n', 'tn', 'tp'] },
      { year: 2019, steps: [], missing: ['codmn', 'nh3n', 'tn', 'tp'] },
      { year: 2020, steps: [], missing: ['nh3n', 'tn', 'tp'] },
    ]);
  });

  it('does not need indicators no formula reads', () => {
    const t = terms({ indicators: { codmn: 'mg/L', nh3n: 'mg/L', tn: 'mg/L', tp: 'mg/L', turbidity: 'NTU' } });
    const years = settle(t, monitoring(t)).years;
    expect(years.filter((y) => y.year < 2020).every(isSettled)).toBe(true);
    expect(years.find((y) => y.year === 2020)).toEqual({ year: 2020, missing: ['codmn', 'nh3n', 'tn', 'tp'] });
  });

  it('reports division by zero on a year’s data with the formula and the year', () => {
    const t = terms({
      indicators: { volume: 'm³' },
      formulas: [
        { name: 'unit_price', expr: '1000000 / volume' },
        { name: 'payment', expr: 'unit_price * 2' },
      ],
    });
    const r = settle(t, monitoring(t, { '2018': { volume: '500000' }, '2019': { volume: '0' } }));
    expect(r.years.map(failedInEnglish)).toEqual([
      { year: 2018, values: { unit_price: '2', payment: '4' }, payment: '4' },
      { year: 2019, formula: 'unit_price', error: 'division by zero in formula "unit_price" for 2019' },
      { year: 2020, missing: ['volume'] },
    ]);
    expect(r.total).toBe('4');
    expect(failedInEnglish(traceSettlement(t, monitoring(t, { '2019': { volume: '0' } })).find((y) => y.year === 2019)!)).toMatchObject({
      year: 2019,
      error: 'division by zero in formula "unit_price" for 2019',
    });
  });

  it('refuses terms and monitoring that did not go through the parsers', () => {
    const t = terms();
    expect(() => settle({ ...t, formulas: [{ name: 'payment', expr: 'import("fs")' }] }, {})).toThrow(TermsError);
    expect(thrownProblems(() => settle(t, { '2018': { codmn: 'x' } }))).toMatch(/2018.codmn: not a number/);
    expect(thrownProblems(() => settle(t, {}, { scheduled: { '2018': 'abc' } }))).toMatch(/scheduled.2018: not a number/);
  });
});

describe('scheduled', () => {
  const t = terms({ indicators: {}, constants: { bonus: '10' }, formulas: [{ name: 'payment', expr: 'scheduled + bonus' }] });

  it('settles the years of the schedule within from..to, as Decimals or strings', () => {
    const r = settle(t, {}, { scheduled: { 2017: new Decimal(1), 2018: new Decimal('100.5'), '2019': '200', 2021: '1' } });
    expect(r.years).toEqual([
      { year: 2018, values: { payment: '110.5' }, payment: '110.5' },
      { year: 2019, values: { payment: '210' }, payment: '210' },
      { year: 2020, missing: ['scheduled'] },
    ]);
    expect(r.total).toBe('320.5');
  });

  it('reports "scheduled" as missing for a monitored year without a scheduled payment', () => {
    expect(settle(t, monitoring(t, { '2020': {} }), { scheduled: { 2018: '1' } }).years).toEqual([
      expect.objectContaining({ year: 2018 }),
      { year: 2019, missing: ['scheduled'] },
      { year: 2020, missing: ['scheduled'] },
    ]);
  });

  it('takes the engine’s payment of a scenario, converted to the unit of the terms', () => {
    const shiyan = shiyanScenario();
    const fixed = terms({ from: 2014, to: 2016, indicators: {}, constants: {}, formulas: [{ name: 'payment', expr: 'scheduled' }] });
    const r = scheduledFromScenario(shiyan, fixed);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.scheduled)).toEqual(['2014', '2015', '2016']);
    const engine2014 = computeScenario(shiyan).years.find((y) => y.year === 2014)!.payment;
    expect(r.scheduled['2014']).toBe(engine2014.times(shiyan.unit).toSignificantDigits(40).toString());
    expect(scheduledFromScenario(shiyan, { ...fixed, unit: 1000 }).ok && scheduledFromScenario(shiyan, { ...fixed, unit: 1000 })).toMatchObject({ scheduled: { '2014': engine2014.toString() } });
    expect(inEnglish(scheduledFromScenario(shiyan, { ...fixed, currency: 'USD' }))).toEqual({ ok: false, problems: [{ path: 'currency', message: 'the scenario is in CNY, the terms in USD' }] });
    const text = parseScheduledText(JSON.stringify(shiyan), fixed);
    expect(text.ok && text.scheduled).toEqual(r.scheduled);
  });

  it('parses a plain year → amount map', () => {
    expect(parseScheduled({ '2018': '1.50' })).toEqual({ ok: true, scheduled: { '2018': '1.5' } });
    expect(inEnglish(parseScheduled({ '18': '1', '2019': 5, '2020': 'NaN' }))).toEqual({
      ok: false,
      problems: [
        { path: '"18"', message: 'not a four-digit year' },
        { path: '2019', message: 'not a number (write it as a string in quotes, e.g. "120000000")' },
        { path: '2020', message: 'not a number' },
      ],
    });
    expect(parseScheduledText('[1]', terms()).ok).toBe(false);
  });
});

describe('parseMonitoring', () => {
  const t = terms();

  it('names the year and indicator of every problem', () => {
    const r = parseMonitoring({ '2019': { codmn: 'abc', xyz: '1', tp: 0.03, nh3n: 'Infinity' }, '2017': { codmn: '1' }, '20x9': {}, '2020': [] }, t);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(lines(r.problems)).toEqual([
      '2017: year 2017 is outside from..to (2018..2020)',
      '2019.codmn: not a number',
      '2019.xyz: unknown indicator (declared: codmn, nh3n, tn, tp)',
      '2019.tp: not a number (write it as a string in quotes, e.g. "2.31")',
      '2019.nh3n: not a number',
      '2020: expected an object of indicator values',
      '"20x9": not a four-digit year',
    ]);
  });

  it('refuses prototype keys as unknown indicators without touching Object.prototype', () => {
    const r = parseMonitoringText('{"2018": {"__proto__": {"polluted": "1"}, "constructor": "1"}}', t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['2018.__proto__', '2018.constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses what is not a map of years and text over 5 MB', () => {
    expect(parseMonitoring([], t).ok).toBe(false);
    expect(parseMonitoring('2018', t).ok).toBe(false);
    expect(inEnglish(parseMonitoringText('x'.repeat(5 * 1024 * 1024 + 1), t))).toEqual({ ok: false, problems: [{ path: '(document)', message: 'larger than 5 MB' }] });
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = parseMonitoring(json, t);
        expect(r.ok || r.problems.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('2018', '2019', '2020'),
          fc.dictionary(
            fc.constantFrom('codmn', 'nh3n', 'tn', 'tp'),
            fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 1000).toFixed(3)),
          ),
        ),
        (data) => {
          const r = parseMonitoring(data, t);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const s = settle(t, r.monitoring);
          // Every year of the terms, whatever was measured.
          expect(s.years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
          for (const y of s.years) if (!Object.hasOwn(data, String(y.year))) expect(y).toEqual({ year: y.year, missing: ['codmn', 'nh3n', 'tn', 'tp'] });
          const settled = s.years.filter(isSettled);
          const sum = settled.reduce((acc, y) => acc.plus(y.payment), new Decimal(0));
          expect(sum.eq(s.total)).toBe(true);
          for (const y of settled) expect(['200000000', '-200000000']).toContain(y.payment);
        },
      ),
      { numRuns: 200 },
    );
  });
});
