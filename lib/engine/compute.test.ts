import { describe, expect, it } from 'vitest';
import { backPayAnnuity, computeScenario, toResultCsv, toStatedResultJson } from './compute';
import { D } from './decimal';
import { miyunScenario } from './fixtures';
import { parseScenario, type Scenario, type ScenarioInput } from './schema';

function scenario(patch: Partial<ScenarioInput> = {}): Scenario {
  const r = parseScenario({
    format: 'pes-scenario/1',
    name: 't',
    currency: 'CNY',
    unit: 1,
    priceBase: 'test',
    startYear: 2000,
    endYear: 2005,
    costs: [],
    alpha: {},
    ...patch,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe('eq. 8 back-pay annuity', () => {
  it('matches a hand computation', () => {
    // C = [100, 200], i = 0.1, T = 2, T0 = 2:
    // Σ C_t (1.1)^(T−t+1) = 100·1.21 + 200·1.1 = 341; factor = 0.1·1.21/0.21; annuity = 41.261/0.21
    const r = backPayAnnuity([new D(100), new D(200)], new D('0.1'), 2);
    expect(r.carriedForward.toString()).toBe('341');
    expect(r.annuity.toString()).toBe(new D('41.261').div('0.21').toString());
    expect(r.annuity.toSignificantDigits(12).toString()).toBe('196.480952381');
  });

  it('at rate 0 is the plain sum over T0', () => {
    expect(backPayAnnuity([new D(100), new D(200)], new D(0), 3).annuity.toString()).toBe('100');
  });

  it('is carried into payments of the catch-up years only', () => {
    const s = scenario({ paymentStartYear: 2002, catchUpYears: 2, discountRate: '0.1', costs: [{ code: 'C_f', label: 'f', values: { '2000': '100', '2001': '200', '2002-2005': '10' } }] });
    const j = toStatedResultJson(computeScenario(s));
    const annuity = new D('41.261').div('0.21');
    expect(j.backPayAnnuity).toBe(annuity.toString());
    expect(j.years.map((y) => y.payment)).toEqual(['0', '0', annuity.plus(10).toString(), annuity.plus(10).toString(), '10', '10']);
  });

  it('without paymentStartYear pays the lower bound from the first year, no annuity', () => {
    const j = toStatedResultJson(computeScenario(scenario({ costs: [{ code: 'C_f', label: 'f', values: { '2000-2005': '7' } }] })));
    expect(j.backPayAnnuity).toBe('0');
    expect(j.years.every((y) => y.payment === '7')).toBe(true);
  });
});

describe('lower bound', () => {
  it('a subsidy reduces the group of its code; α applies per category with overrides', () => {
    const s = scenario({
      costs: [
        { code: 'C_f', label: 'f', values: { '2000-2005': '1000' } },
        { code: 'C_s', label: 's', values: { '2000-2005': '500' } },
        { code: 'C_IO', label: 'io', values: { '2000-2005': '300' } },
      ],
      subsidies: [
        { code: 'C_s', label: 'sub s', values: { '2000-2005': '100' } },
        { code: 'C_IO', label: 'sub io', values: { '2000-2005': '50' } },
      ],
      alpha: { ED: { '2000-2005': '0.1' }, IO: { '2000-2002': '0.5' } },
      alphaOverrides: { C_s: { '2003-2005': '1' } },
    });
    const r = computeScenario(s);
    const y0 = r.years[0]!;
    expect(y0.byGroup.ED.cost.toString()).toBe('1500');
    expect(y0.byGroup.ED.subsidy.toString()).toBe('100');
    expect(y0.byGroup.IO.subsidy.toString()).toBe('50');
    // (1000 − 0)·0.1 + (500 − 100)·0.1 + (300 − 50)·0.5
    expect(y0.internalEffect.toString()).toBe('265');
    expect(y0.lowerBound.toString()).toBe('1385'); // 1500 + 300 − 150 − 265
    expect(y0.directCost.toString()).toBe('1500');
    expect(y0.opportunityCost.toString()).toBe('300');
    // 2003: C_s overridden to α 1, IO α missing → 0
    const y3 = r.years[3]!;
    expect(y3.byCategory.C_s).toMatchObject({ alphaSource: 'override' });
    expect(y3.internalEffect.toString()).toBe('500'); // 1000·0.1 + 400·1
    expect(y3.lowerBound.toString()).toBe('1150'); // 1500 + 300 − 150 − 500
  });
});

describe('upper bound, suggestion, price (Miyun, illustrative)', () => {
  const s = miyunScenario();
  const j = toStatedResultJson(computeScenario(s));

  it('upper = Σ benefits − Σ downstream costs', () => {
    expect(j.years.every((y) => y.upperBound === '56500')).toBe(true);
  });

  it('Nash split with w = 0.5 and feasibility', () => {
    for (const y of j.years) {
      expect(y.suggestedPayment).toBe(new D(y.lowerBound).plus(new D(y.upperBound!).minus(y.lowerBound).times('0.5')).toString());
      expect(y.feasible).toBe(new D(y.lowerBound).lte(y.upperBound!));
    }
  });

  it('price = payment · unit / volume in whole currency per m³', () => {
    const y = j.years.find((x) => x.year === 2025)!;
    expect(y.pricePerM3).toBe(new D(y.payment).times(10000).div('600000000').toString());
  });

  it('upper bound is null where no benefit is given; an explicit 0 counts as given', () => {
    const r = toStatedResultJson(
      computeScenario(
        scenario({
          // An explicit cost of 0 states a lower bound of 0 (without any cost the lower bound is not stated).
          costs: [{ code: 'C_f', label: 'c', values: { '2000-2005': '0' } }],
          benefits: [{ label: 'b', values: { '2001': '0', '2002': '10' } }],
          downstreamCosts: [{ label: 'd', values: { '2000-2005': '4' } }],
        }),
      ),
    );
    expect(r.years.map((y) => y.upperBound)).toEqual([null, '-4', '6', null, null, null]);
    expect(r.years.map((y) => y.feasible)).toEqual([null, false, true, null, null, null]);
  });
});

describe('periods and totals', () => {
  it('defaults to one period over the whole range', () => {
    const j = toStatedResultJson(computeScenario(scenario({ costs: [{ code: 'C_f', label: 'f', values: { '2000': '6' } }] })));
    expect(j.periods).toEqual([{ label: '2000–2005', from: 2000, to: 2005, lowerBound: '1', upperBound: null, payment: '1', pricePerM3: null }]);
    expect(j.totals).toEqual({ directCost: '6', opportunityCost: '0', subsidies: '0', internalEffect: '0', lowerBound: '6', payment: '6' });
  });

  it('averages a period only when every year has a value', () => {
    const j = toStatedResultJson(
      computeScenario(
        scenario({
          periods: [
            { label: 'a', from: 2000, to: 2002 },
            { label: 'b', from: 2003, to: 2005 },
          ],
          costs: [{ code: 'C_f', label: 'f', values: { '2000-2005': '3' } }],
          benefits: [{ label: 'b', values: { '2002-2005': '9' } }],
          waterVolume: { '2003-2005': '3' },
        }),
      ),
    );
    expect(j.periods.map((p) => [p.upperBound, p.pricePerM3])).toEqual([
      [null, null],
      ['9', '1'],
    ]);
  });
});

describe('output format', () => {
  it('has exactly the fields of pes-result/1', () => {
    const j = toStatedResultJson(computeScenario(miyunScenario()));
    expect(Object.keys(j)).toEqual(['format', 'currency', 'unit', 'backPayAnnuity', 'years', 'periods', 'totals']);
    expect(Object.keys(j.years[0]!)).toEqual([
      'year',
      'directCost',
      'opportunityCost',
      'subsidies',
      'internalEffect',
      'lowerBound',
      'upperBound',
      'payment',
      'pricePerM3',
      'suggestedPayment',
      'feasible',
    ]);
    expect(Object.keys(j.periods[0]!)).toEqual(['label', 'from', 'to', 'lowerBound', 'upperBound', 'payment', 'pricePerM3']);
    expect(Object.keys(j.totals)).toEqual(['directCost', 'opportunityCost', 'subsidies', 'internalEffect', 'lowerBound', 'payment']);
  });

  it('writes inexact values with at least 12 significant digits and never in exponent notation', () => {
    const j = toStatedResultJson(computeScenario(miyunScenario()));
    const price = j.years.find((y) => y.year === 2025)!.pricePerM3!;
    expect(price.replace(/^0\.0*|\./g, '').length).toBeGreaterThanOrEqual(12);
    const all = JSON.stringify(j);
    expect(all).not.toMatch(/\d[eE][+-]?\d/);
    const tiny = toStatedResultJson(computeScenario(scenario({ unit: 1, costs: [{ code: 'C_f', label: 'f', values: { '2000-2005': '0.000001' } }], waterVolume: { '2000-2005': '1e20' } })));
    expect(tiny.years[0]!.pricePerM3).toBe('0.00000000000000000000000001');
  });

  it('CSV has a header and one line per year, empty cells for null', () => {
    const csv = toResultCsv(computeScenario(scenario({ costs: [{ code: 'C_f', label: 'f', values: { '2000': '6' } }] })));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('year,directCost,opportunityCost,subsidies,internalEffect,lowerBound,upperBound,payment,pricePerM3,suggestedPayment,feasible');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('2000,6,0,0,0,6,,6,,,');
  });
});
