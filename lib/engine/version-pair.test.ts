import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type Dec } from './decimal';
import { fairnessRows, type NegotiationYear } from './negotiation';
import { inUnit, pairAsVersion, pairPeriods, pairYears, type PairSide } from './version-pair';

const eq = (a: Dec | null, b: string | null) => (a === null ? b === null : b !== null && a.eq(b));

describe('pairYears', () => {
  const lower: PairSide = { unit: 1000, years: [2020, 2021, 2022].map((year) => ({ year, lowerBound: String(100 * (year - 2019)), upperBound: null })) };
  // The downstream version is in 10 000 yuan and starts a year later; it states no benefit in 2021.
  const upper: PairSide = {
    unit: 10000,
    years: [
      { year: 2021, lowerBound: '1', upperBound: null },
      { year: 2022, lowerBound: '1', upperBound: '50' },
      { year: 2023, lowerBound: '1', upperBound: '60' },
    ],
  };

  it('takes the lower bound from one version and the upper from the other, in one unit, and says which years only one has', () => {
    const rows = pairYears(lower, upper, new D('0.4'), 1000);
    expect(rows.map((r) => [r.year, r.coverage, r.lowerBound?.toString() ?? null, r.upperBound?.toString() ?? null, r.feasible])).toEqual([
      [2020, 'lowerOnly', '100', null, null],
      [2021, 'both', '200', null, null],
      [2022, 'both', '300', '500', true],
      [2023, 'upperOnly', null, '600', null],
    ]);
    // 300 + 0.4 · (500 − 300) = 380 thousand
    expect(rows[2]!.suggestedPayment?.toString()).toBe('380');
    expect(rows.filter((r) => r.year !== 2022).every((r) => r.suggestedPayment === null)).toBe(true);
  });

  it('has no suggestion where the upper bound is below the lower (no deal)', () => {
    const rows = pairYears(lower, { unit: 1000, years: [{ year: 2022, lowerBound: '0', upperBound: '250' }] }, new D('0.5'), 1000);
    expect(rows.find((r) => r.year === 2022)).toMatchObject({ feasible: false, suggestedPayment: null });
  });

  it('reports every year as one-sided when a side has no version', () => {
    expect(pairYears(lower, null, new D('0.5'), 1000).map((r) => r.coverage)).toEqual(['lowerOnly', 'lowerOnly', 'lowerOnly']);
    expect(pairYears(null, upper, new D('0.5'), 10000).map((r) => [r.coverage, r.upperBound?.toString() ?? null])).toEqual([
      ['upperOnly', null],
      ['upperOnly', '50'],
      ['upperOnly', '60'],
    ]);
    expect(pairYears(null, null, new D('0.5'), 1)).toEqual([]);
  });

  it('converts amounts between units exactly', () => {
    expect(inUnit('12.345', 1000, 10000).toString()).toBe('1.2345');
    expect(inUnit('7', 10000, 1).toString()).toBe('70000');
    expect(inUnit('1', 3, 3).toString()).toBe('1');
  });
});

describe('pairPeriods', () => {
  const years = pairYears(
    { unit: 1, years: [2020, 2021, 2022, 2023].map((year) => ({ year, lowerBound: String(year - 2010), upperBound: null })) },
    { unit: 1, years: [2021, 2022, 2023].map((year) => ({ year, lowerBound: '0', upperBound: year === 2023 ? '5' : '30' })) },
    new D('0.5'),
    1,
  );

  it('averages each period over its years, null where a year lacks a bound (decision 0103)', () => {
    const periods = pairPeriods(years, [
      { label: 'P1', from: 2020, to: 2021 },
      { label: 'P2', from: 2022, to: 2023 },
      { label: 'P3', from: 2030, to: 2031 },
    ]);
    expect(periods.map((p) => p.label)).toEqual(['P1', 'P2']);
    // P1: 2020 has no upper bound (only the lower version has it).
    expect(periods[0]).toMatchObject({ years: 2, upperBound: null, suggestedPayment: null, feasible: null });
    expect(periods[0]!.lowerBound?.toString()).toBe('10.5');
    // P2: 2023's upper (5) is below its lower (13): averages 12.5 / 17.5, but no suggestion in a period with a no-deal year.
    expect(periods[1]).toMatchObject({ years: 2, feasible: false, suggestedPayment: null });
    expect(periods[1]!.lowerBound?.toString()).toBe('12.5');
    expect(periods[1]!.upperBound?.toString()).toBe('17.5');
  });

  it('averages the suggestions where every year has one', () => {
    const [p] = pairPeriods(years, [{ label: 'P', from: 2021, to: 2022 }]);
    // 2021: 11 + 0.5 · 19 = 20.5; 2022: 12 + 0.5 · 18 = 21 → 20.75
    expect(p).toMatchObject({ feasible: true });
    expect(p!.suggestedPayment?.toString()).toBe('20.75');
  });
});

const amount = (max: number) => fc.integer({ min: -max, max }).map((cents) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`);
const weight = fc.integer({ min: 0, max: 100 }).map((p) => new D(p).div(100));
const side = fc.record({
  unit: fc.constantFrom(1, 1000, 10000),
  first: fc.integer({ min: 2000, max: 2005 }),
  bounds: fc.array(fc.record({ lowerBound: amount(1e9), upperBound: fc.option(amount(1e9), { nil: null }) }), { minLength: 0, maxLength: 8 }),
});
const toSide = (s: { unit: number; first: number; bounds: { lowerBound: string; upperBound: string | null }[] }): PairSide => ({
  unit: s.unit,
  years: s.bounds.map((b, i) => ({ year: s.first + i, ...b })),
});

describe('pairYears properties', () => {
  it('suggests a payment within [lower, upper] wherever the zone is not empty, the lower bound at w = 0 and the upper at w = 1', () => {
    fc.assert(
      fc.property(side, side, weight, fc.constantFrom(1, 1000, 10000), (l, u, w, unit) => {
        const lower = toSide(l);
        const upper = toSide(u);
        for (const row of pairYears(lower, upper, w, unit)) {
          if (row.feasible) {
            expect(row.suggestedPayment!.gte(row.lowerBound!) && row.suggestedPayment!.lte(row.upperBound!)).toBe(true);
          } else {
            expect(row.suggestedPayment).toBeNull();
          }
          expect(row.feasible === null).toBe(row.lowerBound === null || row.upperBound === null);
        }
        for (const row of pairYears(lower, upper, new D(0), unit)) if (row.feasible) expect(eq(row.suggestedPayment, row.lowerBound!.toString())).toBe(true);
        for (const row of pairYears(lower, upper, new D(1), unit)) if (row.feasible) expect(eq(row.suggestedPayment, row.upperBound!.toString())).toBe(true);
      }),
    );
  });

  it('gives the same pair in another unit, only scaled', () => {
    fc.assert(
      fc.property(side, side, weight, (l, u, w) => {
        const inThousands = pairYears(toSide(l), toSide(u), w, 1000);
        const inYuan = pairYears(toSide(l), toSide(u), w, 1);
        expect(inYuan.map((r) => [r.year, r.coverage, r.feasible])).toEqual(inThousands.map((r) => [r.year, r.coverage, r.feasible]));
        inYuan.forEach((r, i) => {
          const t = inThousands[i]!;
          expect(eq(r.lowerBound, t.lowerBound?.times(1000).toString() ?? null)).toBe(true);
          expect(eq(r.upperBound, t.upperBound?.times(1000).toString() ?? null)).toBe(true);
          expect(eq(r.suggestedPayment, t.suggestedPayment?.times(1000).toString() ?? null)).toBe(true);
        });
      }),
    );
  });
});

describe('pairAsVersion', () => {
  const year = (y: number, over: Partial<NegotiationYear>): NegotiationYear => ({
    year: y,
    lowerBound: '0',
    upperBound: null,
    payment: '0',
    waterVolume: null,
    directCost: '0',
    opportunityCost: '0',
    subsidies: '0',
    internalEffect: '0',
    benefits: null,
    downstreamCosts: '0',
    ...over,
  });

  it('takes upstream’s figures from the lower version and downstream’s from the upper one, over their common years, in one unit', () => {
    const lower = {
      unit: 1000,
      paymentStartYear: 2020,
      years: [year(2020, { lowerBound: '60', payment: '60', directCost: '100', subsidies: '20', internalEffect: '20', upperBound: '999', benefits: '999' }), year(2021, {})],
    };
    const upper = { unit: 10000, paymentStartYear: 2025, years: [year(2020, { lowerBound: '1', upperBound: '10', benefits: '11', downstreamCosts: '1', directCost: '5' })] };
    const pair = pairAsVersion(lower, upper, [{ label: 'P', from: 2020, to: 2021 }], 1000);
    expect(pair.unit).toBe(1000);
    expect(pair.paymentStartYear).toBe(2020);
    expect(pair.years).toEqual([year(2020, { lowerBound: '60', upperBound: '100', payment: '60', directCost: '100', subsidies: '20', internalEffect: '20', benefits: '110', downstreamCosts: '10' })]);
    // At w = 0.5 the payment is 60 + 0.5 · (100 − 60) = 80: upstream bears 100 − 20 − 80 = 0, downstream 10 + 80 = 90.
    const [row] = fairnessRows(pair, new D('0.5'), 'all');
    expect(row!.amounts.cost.upstream.toString()).toBe('0');
    expect(row!.amounts.cost.downstream.toString()).toBe('90');
    expect(row!.amounts.benefit.downstream.toString()).toBe('110');
  });
});
