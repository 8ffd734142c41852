import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countedValue, defaultRule, labResultText, meetsTarget, missingLabs, monitoringRules, parseLabResult } from './monitoring-rules';
import { parseTerms } from './schema';

const twoWay = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/two-way-terms.json'), 'utf8')) as Record<string, unknown>;
const codes = (outcome: ReturnType<typeof parseTerms>) => (outcome.ok ? [] : outcome.problems.map((p) => `${p.path} ${p.code}`));

describe('monitoring and funding sections of payment-terms/1', () => {
  it('an older document without them parses as before, and its rules are the stated defaults', () => {
    const outcome = parseTerms(twoWay);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect('monitoring' in outcome.terms).toBe(false);
    expect('fundingShares' in outcome.terms).toBe(false);
    expect(monitoringRules(outcome.terms).tp).toEqual(defaultRule('mg/L'));
    expect(defaultRule('mg/L')).toMatchObject({ min: '0', direction: 'lower', labs: 'both', belowLimit: 'limit' });
  });

  it('reads a rule as the issue writes it and fills in the rest', () => {
    const outcome = parseTerms({
      ...twoWay,
      monitoring: {
        tp: { unit: 'mg/L', min: '0', direction: 'lower', tolerance: { absolute: '0.005' }, labs: 'both', belowLimit: 'half' },
        codmn: { direction: 'higher', labs: 'either', frequency: 'monthly' },
      },
      fundingShares: { central: '0.5', downstream: '0.5' },
    });
    expect(codes(outcome)).toEqual([]);
    if (!outcome.ok) return;
    const rules = monitoringRules(outcome.terms);
    expect(rules.tp).toEqual({ unit: 'mg/L', min: '0', max: null, direction: 'lower', tolerance: { absolute: '0.005', relative: null }, labs: 'both', belowLimit: 'half', frequency: 'yearly' });
    expect(rules.codmn).toMatchObject({ direction: 'higher', labs: 'either', frequency: 'monthly', belowLimit: 'limit' });
    expect(rules.nh3n).toEqual(defaultRule('mg/L'));
    expect(outcome.terms.fundingShares).toEqual({ central: '0.5', downstream: '0.5', upstream: '0' });
  });

  it('refuses what a signed rule cannot mean, each at its place', () => {
    const outcome = parseTerms({
      ...twoWay,
      monitoring: {
        zn: {},
        tp: { min: '1', max: '0.5', direction: 'down', tolerance: { absolute: '-0.1', sigma: '1' }, belowLimit: 'third', colour: 'blue' },
        tn: { min: '1e3', max: 2 },
      },
      fundingShares: { central: '0.7', downstream: '0.7', province: '0' },
    });
    expect(codes(outcome).sort()).toEqual(
      [
        'monitoring.zn engine.notAnIndicator',
        'monitoring.tp.max engine.maxBelowMin',
        'monitoring.tp.direction engine.notOneOf',
        'monitoring.tp.tolerance.absolute engine.negativeTolerance',
        'monitoring.tp.tolerance.sigma engine.keyed',
        'monitoring.tp.belowLimit engine.notOneOf',
        'monitoring.tp.colour engine.keyed',
        'monitoring.tn.min engine.notAPlainDecimal',
        'monitoring.tn.max engine.writeAsString',
        'fundingShares.province engine.notOneOf',
        'fundingShares engine.sharesAddUpTo',
      ].sort(),
    );
  });

  it("signs how the two labs' samples are compared, and nothing else", () => {
    const bySample = parseTerms({ ...twoWay, monitoring: { tp: { compare: 'sample', frequency: 'monthly' } } });
    expect(bySample.ok && bySample.terms.monitoring?.tp?.compare).toBe('sample');
    const weekly = parseTerms({ ...twoWay, monitoring: { tp: { compare: 'weekly' } } });
    expect(codes(weekly)).toEqual(['monitoring.tp.compare engine.notOneOf']);
  });

  it('keeps a "__proto__" indicator name a key, not a prototype', () => {
    const document = JSON.parse(`{"monitoring": {"__proto__": {"direction": "higher"}}}`) as object;
    const outcome = parseTerms({ ...twoWay, ...document });
    expect(codes(outcome)).toContain('monitoring.__proto__ engine.notAnIndicator');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('a lab result under its rule', () => {
  const tp = { ...defaultRule('mg/L'), max: '10' };

  it('takes plain decimals and censored results, and refuses exponents, negatives and the implausible', () => {
    expect(parseLabResult('0.026', tp)).toEqual({ ok: true, result: { kind: 'measured', value: '0.026' } });
    expect(parseLabResult(' <0.025 ', tp)).toEqual({ ok: true, result: { kind: 'belowLimit', limit: '0.025' } });
    expect(parseLabResult('＜ 0.01', tp)).toEqual({ ok: true, result: { kind: 'belowLimit', limit: '0.01' } });
    const refused = (raw: string) => {
      const outcome = parseLabResult(raw, tp);
      return outcome.ok ? null : outcome.reason.code;
    };
    expect(refused('1e3')).toBe('engine.notAPlainDecimal');
    expect(refused('12abc')).toBe('engine.notAPlainDecimal');
    expect(refused('')).toBe('engine.notAPlainDecimal');
    expect(refused('-0.01')).toBe('engine.belowPlausible');
    expect(refused('11')).toBe('engine.abovePlausible');
    expect(refused('<0')).toBe('engine.limitNotPositive');
  });

  it('counts a censored result as agreed: the limit, half of it, or zero', () => {
    const censored = { kind: 'belowLimit', limit: '0.025' } as const;
    expect(countedValue(censored, { belowLimit: 'limit' })).toBe('0.025');
    expect(countedValue(censored, { belowLimit: 'half' })).toBe('0.0125');
    expect(countedValue(censored, { belowLimit: 'zero' })).toBe('0');
    expect(countedValue({ kind: 'measured', value: '0.3' }, { belowLimit: 'zero' })).toBe('0.3');
    expect(labResultText(censored)).toBe('<0.025');
  });

  it('a written result reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (digits, scale, below) => {
        const value = (digits / 10 ** scale).toFixed(scale).replace(/\.?0+$/, '') || '0';
        const outcome = parseLabResult(below ? `<${value}` : value, { ...defaultRule('mg/L'), max: null });
        expect(outcome.ok).toBe(true);
        if (outcome.ok) expect(labResultText(outcome.result)).toBe(below ? `<${value}` : value);
      }),
    );
  });

  it('judges a target by the indicator direction', () => {
    expect(meetsTarget('75', '90', 'higher')).toBe(false);
    expect(meetsTarget('75', '90', 'lower')).toBe(true);
    expect(meetsTarget('90', '90', 'higher')).toBe(true);
    expect(meetsTarget('0.031', '0.03', 'lower')).toBe(false);
  });

  it('names the labs that must still report', () => {
    const none = new Set<'upstream' | 'downstream'>();
    expect(missingLabs({ labs: 'both' }, new Set(['upstream']))).toEqual(['downstream']);
    expect(missingLabs({ labs: 'both' }, none)).toEqual(['upstream', 'downstream']);
    expect(missingLabs({ labs: 'either' }, none)).toEqual(['either']);
    expect(missingLabs({ labs: 'either' }, new Set(['downstream']))).toEqual([]);
    expect(missingLabs({ labs: 'downstream' }, new Set(['upstream']))).toEqual(['downstream']);
  });
});
