import { readFileSync } from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageIn } from '@/lib/domain/engine-message';
import type { Message } from '../engine/problem';
import type { Sample } from './measurement';
import type { BelowLimitRule } from './monitoring-rules';
import { MAX_SAMPLES_PER_YEAR, aggregateOf, isCalendarDate, measurementFigure, shareOf } from './samples';
import { parseTerms, type PaymentTerms, type Problem } from './schema';
import { isSettled, parseMonitoring, settle, traceSettlement, type Monitoring, type SettledYear } from './settle';

const english = (what: Message) => messageIn(what, 'en');
const lines = (problems: readonly Problem[]) => problems.map((p) => `${p.path}: ${english(p)}`);
const D = Decimal.clone({ precision: 64 });

function terms(formulas: Record<string, string>, patch: Partial<PaymentTerms> = {}): PaymentTerms {
  const r = parseTerms({
    format: 'payment-terms/1',
    name: 'samples',
    currency: 'CNY',
    unit: 1,
    from: 2019,
    to: 2020,
    constants: { limit: '4', zero: '0' },
    indicators: { codmn: 'mg/L', tp: 'mg/L' },
    formulas: Object.entries(formulas).map(([name, expr]) => ({ name, expr })),
    ...patch,
  });
  if (!r.ok) throw new Error(lines(r.problems).join('\n'));
  return r.terms;
}

function refused(expr: string, patch: Partial<PaymentTerms> = {}): string {
  const r = parseTerms({
    format: 'payment-terms/1',
    name: 'x',
    currency: 'CNY',
    unit: 1,
    from: 2019,
    to: 2020,
    constants: { limit: '4' },
    indicators: { codmn: 'mg/L', tp: 'mg/L' },
    formulas: [{ name: 'payment', expr }],
    ...patch,
  });
  if (r.ok) throw new Error(`expected "${expr}" to be refused`);
  return lines(r.problems).join('\n');
}

function parsed(t: PaymentTerms, json: unknown): Monitoring {
  const r = parseMonitoring(json, t);
  if (!r.ok) throw new Error(lines(r.problems).join('\n'));
  return r.monitoring;
}

const problems = (t: PaymentTerms, json: unknown): string[] => {
  const r = parseMonitoring(json, t);
  return r.ok ? [] : lines(r.problems);
};

/** One year's samples on the 15th of consecutive months. */
const samples = (year: number, values: readonly string[]): Sample[] => values.map((value, i) => ({ on: `${year}-${String(i + 1).padStart(2, '0')}-15`, value }));

/** The values of 2019 of `formulas` settled on `codmn` samples (and a tp value), each formula by name. */
function values2019(formulas: Record<string, string>, codmn: readonly string[] | string, patch: Partial<PaymentTerms> = {}): Record<string, string> {
  const t = terms({ ...formulas, payment: '0' }, patch);
  const year = settle(t, parsed(t, { '2019': { codmn: typeof codmn === 'string' ? codmn : samples(2019, codmn), tp: '0.02' } })).years[0]!;
  if (!isSettled(year)) throw new Error(JSON.stringify(year));
  return year.values;
}

describe('parseMonitoring: samples', () => {
  const t = terms({ payment: 'mean(codmn)' });

  it('takes a list of dated samples, in date order, censored ones as "<limit"', () => {
    const m = parsed(t, {
      '2019': {
        codmn: [
          { on: '2019-03-15', value: '2.50' },
          { on: '2019-01-15', value: '＜0.5' },
          { on: '2019-02-15', value: '< 0.5' },
        ],
        tp: '0.030',
      },
    });
    expect(m).toEqual({
      '2019': {
        codmn: [
          { on: '2019-01-15', value: '<0.5' },
          { on: '2019-02-15', value: '<0.5' },
          { on: '2019-03-15', value: '2.5' },
        ],
        tp: '0.03',
      },
    });
  });

  it('keeps samples of one day in the order given', () => {
    const m = parsed(t, {
      '2019': {
        codmn: [
          { on: '2019-05-02', value: '3' },
          { on: '2019-05-01', value: '9' },
          { on: '2019-05-02', value: '1' },
        ],
      },
    });
    expect(m['2019']!.codmn).toEqual([
      { on: '2019-05-01', value: '9' },
      { on: '2019-05-02', value: '3' },
      { on: '2019-05-02', value: '1' },
    ]);
  });

  it('names the year, indicator, sample and field of every problem', () => {
    expect(
      problems(t, {
        '2019': {
          codmn: [
            { on: '2019-02-29', value: '2.1' },
            { on: '2018-12-31', value: 2.1 },
            'x',
            { on: '2019-13-01', value: '<0', lab: 'A' },
            {},
            { on: '15.01.2019', value: '1e3' },
            { on: '2019-06-15', value: '-1' },
            { on: 20190615, value: null },
          ],
        },
      }),
    ).toEqual([
      '2019.codmn[0].on: 2019-02-29 is not a day of the calendar',
      '2019.codmn[1].on: a sample of 2018-12-31 is not of the year 2019',
      '2019.codmn[1].value: not a decimal number (write it as a string in quotes, e.g. "2.1")',
      '2019.codmn[2]: expected a sample: an object with "on" (the date, YYYY-MM-DD) and "value"',
      '2019.codmn[3].lab: unknown field: "lab"',
      '2019.codmn[3].on: 2019-13-01 is not a day of the calendar',
      '2019.codmn[3].value: "<0": a detection limit is above 0',
      '2019.codmn[4].on: missing (required)',
      '2019.codmn[4].value: missing (required)',
      '2019.codmn[5].on: "15.01.2019" is not a date written YYYY-MM-DD',
      '2019.codmn[5].value: "1e3" is not a plain decimal number (write 1000, not 1e3)',
      '2019.codmn[6].value: -1 is below the plausible minimum 0 mg/L',
      '2019.codmn[7].on: "20190615" is not a date written YYYY-MM-DD',
      '2019.codmn[7].value: "null" is not a plain decimal number (write 1000, not 1e3)',
    ]);
  });

  it('judges a sample by the plausible range of the signed monitoring rule', () => {
    const ruled = terms({ payment: 'mean(codmn)' }, { monitoring: { codmn: { max: '15' } } });
    expect(problems(ruled, { '2019': { codmn: [{ on: '2019-01-15', value: '15.1' }] } })).toEqual(['2019.codmn[0].value: 15.1 is above the plausible maximum 15 mg/L']);
    expect(problems(ruled, { '2019': { codmn: [{ on: '2019-01-15', value: '15' }] } })).toEqual([]);
  });

  it('refuses a sample of a magnitude no lab writes, and more samples than a year can hold', () => {
    expect(problems(t, { '2019': { codmn: [{ on: '2019-01-15', value: `1${'0'.repeat(40)}` }] } })).toEqual([
      `2019.codmn[0].value: 1${'0'.repeat(40)} is out of range (magnitude must be between 1e-30 and 1e30)`,
    ]);
    const many = Array.from({ length: MAX_SAMPLES_PER_YEAR + 1 }, () => ({ on: '2019-01-15', value: '1' }));
    expect(problems(t, { '2019': { codmn: many } })).toEqual([`2019.codmn: ${MAX_SAMPLES_PER_YEAR + 1} samples in one year, at most ${MAX_SAMPLES_PER_YEAR} are read`]);
    expect(problems(t, { '2019': { codmn: many.slice(1) } })).toEqual([]);
  });

  it('keeps the problems of single values as they were', () => {
    expect(problems(t, { '2019': { codmn: '<0.5', tp: 0.03 } })).toEqual(['2019.codmn: not a number', '2019.tp: not a number (write it as a string in quotes, e.g. "2.31")']);
  });

  it('knows the calendar', () => {
    expect(['2020-02-29', '2000-02-29', '2019-12-31', '2019-04-30'].every(isCalendarDate)).toBe(true);
    expect(['2019-02-29', '1900-02-29', '2019-04-31', '2019-00-10', '2019-01-00', '2019-1-15', ' 2019-01-15'].some(isCalendarDate)).toBe(false);
  });
});

describe('a year without samples', () => {
  it('is missing the indicator, never 0', () => {
    const t = terms({ payment: 'count(codmn) + tp' });
    const m = parsed(t, { '2019': { codmn: [], tp: '1' }, '2020': { codmn: samples(2020, ['1', '2']), tp: [] } });
    expect(settle(t, m).years).toEqual([
      { year: 2019, missing: ['codmn'] },
      { year: 2020, missing: ['tp'] },
    ]);
    expect(traceSettlement(t, m)).toEqual([
      { year: 2019, steps: [], missing: ['codmn'] },
      { year: 2020, steps: [], missing: ['tp'] },
    ]);
  });
});

describe('aggregates over samples', () => {
  it('mean, median, min, max and count of a year', () => {
    const v = values2019({ a: 'mean(codmn)', b: 'median(codmn)', c: 'min(codmn)', d: 'max(codmn)', e: 'count(codmn)' }, ['2.4', '1.1', '3.0', '2.2', '5']);
    expect(v).toMatchObject({ a: '2.74', b: '2.4', c: '1.1', d: '5', e: '5' });
  });

  it('the median of an even count is the mean of the middle two', () => {
    expect(values2019({ m: 'median(codmn)' }, ['4', '1', '3', '2']).m).toBe('2.5');
    expect(values2019({ m: 'median(codmn)' }, ['0.1', '0.2']).m).toBe('0.15');
    expect(values2019({ m: 'median(codmn)' }, ['7']).m).toBe('7');
  });

  it('a bare indicator with samples is their annual mean', () => {
    expect(values2019({ bare: 'codmn', mean: 'mean(codmn)', twice: 'codmn * 2' }, ['1', '2', '4'])).toMatchObject({
      bare: '2.333333333333333333333333333333333333333',
      mean: '2.333333333333333333333333333333333333333',
      twice: '4.666666666666666666666666666666666666667',
    });
  });

  it('of one value: mean, median, min and max are the value, count is 1, share 0 or 1', () => {
    const v = values2019({ a: 'mean(codmn)', b: 'median(codmn)', c: 'min(codmn)', d: 'max(codmn)', e: 'count(codmn)', f: 'share(codmn <= 4)', g: 'share(codmn > 4)' }, '3.5');
    expect(v).toMatchObject({ a: '3.5', b: '3.5', c: '3.5', d: '3.5', e: '1', f: '1', g: '0' });
  });

  it('min and max of several numbers keep their meaning, an indicator among them its annual mean', () => {
    const v = values2019({ a: 'min(codmn, 10)', b: 'max(codmn, 0)', c: 'min(limit)', d: 'max(2, limit, 3)', e: 'min((codmn))' }, ['1', '5']);
    expect(v).toMatchObject({ a: '3', b: '3', c: '4', d: '4', e: '3' });
  });

  it('a censored sample counts as the limit, half of it, or zero, as the terms say', () => {
    const year = ['<0.5', '1.5', '<0.5', '2'];
    const by = (belowLimit?: BelowLimitRule) =>
      values2019({ mean: 'mean(codmn)', lowest: 'min(codmn)', median: 'median(codmn)', at: 'share(codmn <= 0.25)' }, year, belowLimit ? { monitoring: { codmn: { belowLimit } } } : {});
    // The default is the limit itself.
    expect(by()).toMatchObject({ mean: '1.125', lowest: '0.5', median: '1', at: '0' });
    expect(by('limit')).toMatchObject({ mean: '1.125', lowest: '0.5', median: '1', at: '0' });
    expect(by('half')).toMatchObject({ mean: '1', lowest: '0.25', median: '0.875', at: '0.5' });
    expect(by('zero')).toMatchObject({ mean: '0.875', lowest: '0', median: '0.75', at: '0.5' });
  });

  it('share counts a sample exactly at the bound by the operator', () => {
    const year = ['3', '4', '4', '5'];
    expect(values2019({ le: 'share(codmn <= 4)', lt: 'share(codmn < 4)', ge: 'share(codmn >= 4)', gt: 'share(codmn > 4)' }, year)).toMatchObject({ le: '0.75', lt: '0.25', ge: '0.75', gt: '0.25' });
    // The bound first reads the same: 4 >= codmn is codmn <= 4.
    expect(values2019({ le: 'share(4 >= codmn)', lt: 'share(4 > codmn)', ge: 'share(limit <= codmn)', gt: 'share((limit) < (codmn))' }, year)).toMatchObject({
      le: '0.75',
      lt: '0.25',
      ge: '0.75',
      gt: '0.25',
    });
  });

  it('a share bound may be any number of the year but an indicator: constants, earlier formulas, year', () => {
    const v = values2019({ bound: 'limit - 1', a: 'share(codmn <= bound)', b: 'share(codmn < year - 2015)', c: 'share(codmn <= round(limit / 3, 1))' }, ['1', '2', '3', '4']);
    expect(v).toMatchObject({ a: '0.75', b: '0.75', c: '0.25' });
  });

  it('compares decimals exactly', () => {
    expect(values2019({ a: 'share(codmn <= 0.1 + 0.2)', b: 'mean(codmn)' }, ['0.3', '0.30000000000000001', '0.1'])).toMatchObject({
      a: '0.6666666666666666666666666666666666666667',
      b: '0.2333333333333333366666666666666666666667',
    });
  });
});

describe('aggregates when the terms are saved', () => {
  it('take a declared indicator', () => {
    expect(refused('mean(limit)')).toBe(
      'formulas[0].expr: mean() reads the samples of a declared indicator: write its name alone as the argument at position 6 in formula "payment"; declared indicators: codmn, tp',
    );
    expect(refused('median(1 + 2)')).toMatch(/^formulas\[0\]\.expr: median\(\) reads the samples of a declared indicator: .* at position 8 /);
    expect(refused('count(codmx)')).toBe('formulas[0].expr: unknown name "codmx" at position 7 in formula "payment"; did you mean "codmn"?');
    expect(refused('mean(codmn, tp)')).toBe('formulas[0].expr: mean() takes 1 argument(s), got 2 at position 1 in formula "payment"');
    expect(refused('count()')).toMatch(/count\(\) takes 1 argument\(s\), got 0 at position 1/);
    expect(refused('mean(year)', { indicators: {} })).toMatch(/mean\(\) reads the samples of a declared indicator: .* at position 6 in formula "payment"; the terms declare no indicator$/);
    expect(refused('mean')).toBe('formulas[0].expr: "mean" is a function at position 1 in formula "payment"; write mean(…)');
  });

  it('share takes a comparison of an indicator with a bound that reads no indicator', () => {
    const hint = 'e.g. share(codmn <= 6), the share of the year’s samples at or below 6';
    expect(refused('share(codmn)')).toBe(`formulas[0].expr: share() takes a comparison of a declared indicator with a bound at position 7 in formula "payment"; ${hint}`);
    expect(refused('share(limit <= 4)')).toBe(`formulas[0].expr: share() takes a comparison of a declared indicator with a bound at position 7 in formula "payment"; ${hint}`);
    expect(refused('share(codmn == 4)')).toBe(`formulas[0].expr: share() compares with <, <=, >, >=, not "==" at position 13 in formula "payment"; ${hint}`);
    expect(refused('share(codmn != 4)')).toMatch(/not "!=" at position 13/);
    expect(refused('share(codmn <= tp)')).toBe('formulas[0].expr: the bound of share() is one number for the year and cannot read the indicator "tp" at position 16 in formula "payment"');
    expect(refused('share(mean(tp) < codmn)')).toMatch(/cannot read the indicator "tp" at position 7/);
    expect(refused('share(codmn <= limit + tp * 2)')).toMatch(/cannot read the indicator "tp" at position 24/);
    expect(refused('share(codmn <= amout)')).toMatch(/unknown name "amout" at position 16/);
    expect(refused('share(4 >= codmx)')).toMatch(/unknown name "codmx" at position 12/);
    expect(refused('share(codmn <= true)')).toMatch(/share\(\) needs numbers/);
    expect(refused('share(codmn <= 4, 5)')).toMatch(/share\(\) takes 1 argument\(s\), got 2/);
    expect(refused('share(codmn <= 1 / 0)')).toBe('formulas[0].expr: division by zero at position 18 in formula "payment"');
    expect(refused('share(codmn <= 4) and true')).toMatch(/needs conditions/);
  });

  it('are not reserved names: a constant may be called share, count, mean or median', () => {
    const t = terms({ payment: 'share(codmn <= limit) * share + count + mean + median' }, { constants: { limit: '4', share: '10', count: '1', mean: '2', median: '3' } });
    const m = parsed(t, { '2019': { codmn: samples(2019, ['3', '5']) } });
    expect((settle(t, m).years[0] as SettledYear).payment).toBe('11');
  });

  it('do not change what a single-value document refuses or settles: the format document’s example', () => {
    const read = (name: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')) as unknown;
    const outcome = parseTerms(read('two-way-terms.json'));
    if (!outcome.ok) throw new Error('fixture');
    const asSamples = (json: Record<string, Record<string, string>>) =>
      Object.fromEntries(Object.entries(json).map(([y, row]) => [y, Object.fromEntries(Object.entries(row).map(([k, v]) => [k, [{ on: `${y}-06-30`, value: v }]]))]));
    const single = read('two-way-monitoring.json') as Record<string, Record<string, string>>;
    const a = settle(outcome.terms, parsed(outcome.terms, single));
    expect(a.years.slice(0, 2).map((y) => (y as SettledYear).payment)).toEqual(['200000000', '-200000000']);
    expect(settle(outcome.terms, parsed(outcome.terms, asSamples(single)))).toEqual(a);
  });
});

describe('aggregates: properties', () => {
  const decimal = fc.integer({ min: 0, max: 100_000 }).map((n) => new D(n).div(1000).toString());
  const censored = fc.integer({ min: 1, max: 1000 }).map((n) => `<${new D(n).div(1000).toString()}`);
  const year = fc.array(fc.oneof({ weight: 4, arbitrary: decimal }, { weight: 1, arbitrary: censored }), { minLength: 1, maxLength: 40 });
  const rule = fc.constantFrom<BelowLimitRule>('limit', 'half', 'zero');
  const counted = (value: string, belowLimit: BelowLimitRule) => {
    if (!value.startsWith('<')) return new D(value);
    const limit = new D(value.slice(1));
    return belowLimit === 'limit' ? limit : belowLimit === 'half' ? limit.div(2) : new D(0);
  };

  it('settle as computed by hand with decimal.js, under every detection-limit rule', () => {
    const formulas = { a: 'mean(codmn)', b: 'median(codmn)', c: 'min(codmn)', d: 'max(codmn)', e: 'count(codmn)', f: 'share(codmn <= limit)', g: 'share(codmn > limit)', h: 'codmn' };
    fc.assert(
      fc.property(year, rule, (values, belowLimit) => {
        const v = values2019(formulas, values, { monitoring: { codmn: { belowLimit } } });
        const numbers = values.map((x) => counted(x, belowLimit));
        const sorted = [...numbers].sort((x, y) => x.comparedTo(y));
        const n = numbers.length;
        const mean = numbers.reduce((s, x) => s.plus(x), new D(0)).div(n);
        const median = n % 2 ? sorted[(n - 1) / 2]! : sorted[n / 2 - 1]!.plus(sorted[n / 2]!).div(2);
        const share = new D(numbers.filter((x) => x.lte(4)).length).div(n);
        const out = (x: Decimal) => (x.isZero() ? '0' : x.toSignificantDigits(40).toString());
        expect(v).toMatchObject({ a: out(mean), b: out(median), c: out(sorted[0]!), d: out(sorted[n - 1]!), e: String(n), f: out(share), g: out(new D(1).minus(share)), h: out(mean) });
        // What a page shows as the year's figure is what a bare indicator means.
        expect(measurementFigure(samples(2019, values), { belowLimit })).toBe(out(mean));
      }),
      { numRuns: 150 },
    );
  });

  it('bounds: min ≤ median, mean ≤ max; shares between 0 and 1, complementary', () => {
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 60 }), decimal, fc.constantFrom('<', '<=', '>', '>=' as const), (values, bound, op) => {
        const numbers = values.map((x) => new D(x));
        const [min, max, mean, median] = (['min', 'max', 'mean', 'median'] as const).map((fn) => aggregateOf(fn, numbers));
        expect(min!.lte(mean!) && mean!.lte(max!) && min!.lte(median!) && median!.lte(max!)).toBe(true);
        const share = shareOf(numbers, op, new D(bound));
        expect(share.gte(0) && share.lte(1)).toBe(true);
        const opposite = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' } as const;
        expect(share.plus(shareOf(numbers, opposite[op], new D(bound))).eq(1)).toBe(true);
        expect(aggregateOf('count', numbers).toNumber()).toBe(values.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a single value and a list of one sample with that value settle alike', () => {
    const t = terms({ x: 'mean(codmn) + median(tp) * count(codmn)', y: 'share(codmn <= limit) + min(tp) - max(codmn)', payment: 'codmn * x + tp * y' });
    fc.assert(
      fc.property(decimal, decimal, (codmn, tp) => {
        const single = settle(t, parsed(t, { '2019': { codmn, tp } }));
        const listed = settle(t, parsed(t, { '2019': { codmn: [{ on: '2019-07-01', value: codmn }], tp: [{ on: '2019-07-01', value: tp }] } }));
        expect(listed).toEqual(single);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the trace lists the samples behind each aggregate', () => {
  const t = terms({ m: 'mean(codmn) + codmn', r: 'share(limit >= codmn)', single: 'tp * 2', payment: 'r > 1 ? median(codmn) : m' }, { monitoring: { codmn: { belowLimit: 'half' } } });
  const m = parsed(t, { '2019': { codmn: samples(2019, ['3', '<1', '4.5']), tp: '0.02' } });
  const [trace] = traceSettlement(t, m);
  const listed = [
    { on: '2019-01-15', value: '3', counted: '3' },
    { on: '2019-02-15', value: '<1', counted: '0.5' },
    { on: '2019-03-15', value: '4.5', counted: '4.5' },
  ];

  it('with what each sample counts as, once per aggregate', () => {
    expect(trace!.steps[0]).toEqual({
      name: 'm',
      expr: 'mean(codmn) + codmn',
      substituted: '2.66666666666667 + 2.66666666666667',
      value: '5.333333333333333333333333333333333333333',
      text: 'm = 2.66666666666667 + 2.66666666666667 = 5.33333333333333',
      samples: [{ indicator: 'codmn', aggregate: 'mean', value: '2.666666666666666666666666666666666666667', values: listed }],
    });
  });

  it('for share, the bound and which samples meet it', () => {
    expect(trace!.steps[1]!.samples).toEqual([
      {
        indicator: 'codmn',
        aggregate: 'share',
        condition: { op: '<=', bound: '4' },
        value: '0.6666666666666666666666666666666666666667',
        values: listed.map((s, i) => ({ ...s, meets: i !== 2 })),
      },
    ]);
    expect(trace!.steps[1]!.text).toBe('r = 0.666666666666667 = 0.666666666666667');
  });

  it('not for a single value, nor for an aggregate in a branch not taken', () => {
    expect(trace!.steps[2]).toEqual({ name: 'single', expr: 'tp * 2', substituted: '0.02 * 2', value: '0.04', text: 'single = 0.02 * 2 = 0.04' });
    expect(trace!.steps[3]!.substituted).toBe('0.666666666666667 > 1 ? median(codmn) : 5.33333333333333');
    expect(trace!.steps[3]!.samples).toBeUndefined();
  });
});
