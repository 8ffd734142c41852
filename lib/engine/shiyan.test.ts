import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { computeScenario, toStatedResultJson } from './compute';
import { shiyanScenario } from './fixtures';

/**
 * The Shiyan reference case (pes-model.md §6), checked against what the
 * paper's tables imply. The expected values are computed here from the table
 * figures, independently of the fixture file and of the engine.
 */
const X = Decimal.clone({ precision: 50 });
const PERIODS = [
  [2003, 2010],
  [2011, 2020],
  [2021, 2030],
  [2031, 2040],
  [2041, 2050],
] as const;

// Table 3 (thousand CNY per year in every year of the period), by group.
const COSTS: Record<string, Record<string, (number | 0)[]>> = {
  ED: { C_f: [158266, 171729, 181399, 212654, 243909], C_s: [1920238, 1508738, 1925390, 1116005, 512850], C_m: [1411410, 1220393, 1220393, 0, 0] },
  PD: { C_q: [1331292, 900664, 750214, 817946, 816723], C_p: [504133, 760835, 1194684, 1705898, 2314917], C_np: [799226, 843195, 1082139, 1042809, 743453] },
  AD: { C_sa: [77030, 21893, 0, 0, 0] },
  IO: { C_IO: [473122, 785574, 831185, 827073, 827073] },
  AO: { C_AO: [2580000, 19920000, 0, 0, 0] },
};
// Table 4, national subsidies, nothing after 2030.
const SUBSIDIES: Record<string, number[]> = {
  C_s: [496081, 227924, 0, 0, 0],
  C_m: [561232, 485276, 485276, 0, 0],
  C_q: [508582, 427923, 0, 0, 0],
  C_p: [81572, 15023, 0, 0, 0],
  C_np: [95760, 81795, 0, 0, 0],
  C_IO: [264118, 138032, 16970, 0, 0],
};
const ALPHA: Record<string, string[]> = {
  ED: ['0.15', '0.15', '0.15', '0.15', '0.15'],
  PD: ['0.2', '0.2', '0.2', '0.2', '0.2'],
  AD: ['0.6', '0.6', '0.6', '0.6', '0.6'],
  IO: ['0.2', '0.3', '0.4', '0.5', '0.6'],
  AO: ['0.6', '0.8', '0', '0', '0'],
};

const groupCost = (g: string, p: number) => Object.values(COSTS[g]!).reduce((s, v) => s.plus(v[p]!), new X(0));
const groupSubsidy = (g: string, p: number) => Object.keys(COSTS[g]!).reduce((s, code) => s.plus(SUBSIDIES[code]?.[p] ?? 0), new X(0));
const yearsOf = (p: number) => PERIODS[p]![1] - PERIODS[p]![0] + 1;

describe('Shiyan 2003–2050 (paper Tables 3–5)', () => {
  const s = shiyanScenario();
  const r = computeScenario(s);
  const json = toStatedResultJson(r);

  it('covers every year with the stated unit and currency', () => {
    expect(json.years.map((y) => y.year)).toEqual(Array.from({ length: 48 }, (_, i) => 2003 + i));
    expect([json.currency, json.unit, s.priceBase]).toEqual(['CNY', 1000, '2000 constant prices']);
  });

  it.each(['ED', 'PD', 'AD', 'IO', 'AO'])('internal effect of %s per period follows from α (Table 5)', (g) => {
    PERIODS.forEach(([from, to], p) => {
      // e.g. ED P1 = (C_f + C_s + C_m − subsidies of C_s, C_m) · 0.15
      const expected = groupCost(g, p).minus(groupSubsidy(g, p)).times(ALPHA[g]![p]!);
      for (let year = from; year <= to; year++) {
        expect(r.years[year - 2003]!.byGroup[g as 'ED'].internalEffect.toString(), `${g} ${year}`).toBe(expected.toString());
      }
      const periodTotal = r.years.slice(from - 2003, to - 2003 + 1).reduce((sum, y) => sum.plus(y.byGroup[g as 'ED'].internalEffect), new X(0));
      expect(periodTotal.toString()).toBe(expected.times(to - from + 1).toString());
    });
  });

  it('total direct cost is 262.70 billion CNY over 2003–2050 (Table 3)', () => {
    let expected = new X(0);
    for (const g of ['ED', 'PD', 'AD']) PERIODS.forEach((_, p) => (expected = expected.plus(groupCost(g, p).times(yearsOf(p)))));
    expect(json.totals.directCost).toBe(expected.toString());
    // unit: thousand CNY, so billions = total · 1000 / 1e9
    expect(new X(json.totals.directCost).times(1000).div(1e9).toFixed(2)).toBe('262.70');
  });

  it('total opportunity cost is 256.33 billion CNY over 2003–2050 (Table 3)', () => {
    let expected = new X(0);
    for (const g of ['IO', 'AO']) PERIODS.forEach((_, p) => (expected = expected.plus(groupCost(g, p).times(yearsOf(p)))));
    expect(json.totals.opportunityCost).toBe(expected.toString());
    expect(new X(json.totals.opportunityCost).times(1000).div(1e9).toFixed(2)).toBe('256.33');
  });

  it('lower bound per year is eq. 1 of the table figures', () => {
    PERIODS.forEach(([from, to], p) => {
      let lower = new X(0);
      for (const g of Object.keys(COSTS)) {
        const net = groupCost(g, p).minus(groupSubsidy(g, p));
        lower = lower.plus(net).minus(net.times(ALPHA[g]![p]!));
      }
      for (let year = from; year <= to; year++) expect(json.years[year - 2003]!.lowerBound, String(year)).toBe(lower.toString());
    });
  });

  it('back-pay annuity is eq. 8 over 2003–2013 repaid over 2014–2020 at 3 %', () => {
    const q = new X('1.03');
    const T = 11;
    let carried = new X(0);
    for (let t = 1; t <= T; t++) carried = carried.plus(new X(json.years[t - 1]!.lowerBound).times(q.pow(T - t + 1)));
    const annuity = new X('0.03').times(q.pow(7)).div(q.pow(7).minus(1)).times(carried);
    expect(new X(json.backPayAnnuity).toSignificantDigits(34).toString()).toBe(annuity.toSignificantDigits(34).toString());
    expect(json.backPayAnnuity.startsWith('11833366.6279')).toBe(true);
  });

  it('pays nothing before 2014, lower bound + annuity in 2014–2020, lower bound afterwards', () => {
    for (const y of json.years) {
      const expected = y.year < 2014 ? new X(0) : y.year <= 2020 ? new X(y.lowerBound).plus(json.backPayAnnuity) : new X(y.lowerBound);
      expect(new X(y.payment).eq(expected), String(y.year)).toBe(true);
    }
  });

  it('price per m³ uses 9.5e9 m³ in 2014–2030 and 13e9 m³ from 2031; none before 2014', () => {
    const price = (year: number, volume: string) => {
      const y = json.years[year - 2003]!;
      return new X(y.payment).times(1000).div(volume).toSignificantDigits(30).toString();
    };
    expect(json.years[2013 - 2003]!.pricePerM3).toBeNull();
    expect(new X(json.years[2014 - 2003]!.pricePerM3!).toSignificantDigits(30).toString()).toBe(price(2014, '9500000000'));
    expect(new X(json.years[2031 - 2003]!.pricePerM3!).toSignificantDigits(30).toString()).toBe(price(2031, '13000000000'));
  });

  it('has no upper bound (no benefits given)', () => {
    expect(json.years.every((y) => y.upperBound === null && y.suggestedPayment === null && y.feasible === null)).toBe(true);
  });

  it('period averages over P1..P5', () => {
    expect(json.periods.map((p) => p.label)).toEqual(['P1 2003–2010', 'P2 2011–2020', 'P3 2021–2030', 'P4 2031–2040', 'P5 2041–2050']);
    const p2 = json.years.slice(2011 - 2003, 2020 - 2003 + 1);
    const average = p2.reduce((sum, y) => sum.plus(y.payment), new X(0)).div(10);
    expect(new X(json.periods[1]!.payment).toSignificantDigits(34).toString()).toBe(average.toSignificantDigits(34).toString());
    // P2 includes 2011–2013, which have no water volume, so its price average is not defined.
    expect(json.periods[1]!.pricePerM3).toBeNull();
    expect(json.periods[2]!.pricePerM3).not.toBeNull();
  });
});
