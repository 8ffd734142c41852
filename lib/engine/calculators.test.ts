import { describe, expect, it } from 'vitest';
import { english, englishLines } from '../../tests/support/english';
import { agriculturalOpportunityCost, areaTimesUnitCost, industrialOpportunityCost, peopleTimesCompensation } from './calculators';
import { D } from './decimal';

function ok<T>(outcome: { ok: true; result: T } | { ok: false; problems: unknown }): T {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.result;
}

describe('areaTimesUnitCost', () => {
  it('Σ area · unit cost + Σ fixed items, divided by unit, as a values map', () => {
    const r = ok(
      areaTimesUnitCost({
        unit: 1000,
        lines: [
          { label: 'new forest', area: { '2003-2004': '120' }, unitCost: { '2003-2005': '3000' } },
          { label: 'tending', area: { '2003-2005': '50' }, unitCost: { '2003-2005': '400' } },
        ],
        fixedItems: [{ label: 'management', values: { '2003-2005': '20000' } }],
      }),
    );
    // 2003: (120·3000 + 50·400 + 20000)/1000 = 400; 2005: (0·3000 + 50·400 + 20000)/1000 = 40
    expect(r.yearly[2003]!.toString()).toBe('400');
    expect(r.values).toEqual({ '2003-2004': '400', '2005': '40' });
    expect(r.steps[0]).toEqual({ year: 2003, value: '400', substituted: { code: 'engine.trace.math', params: { math: '(120·3000 + 50·400 + 20000 = 400000) / 1000 = 400' } } });
    expect(r.inputs.lines[0]!.label).toBe('new forest');
  });

  it('refuses bad inputs with field paths', () => {
    const r = areaTimesUnitCost({ lines: [{ label: 'x', area: { '2003': 'abc' }, unitCost: {} }] });
    expect(r).toEqual({ ok: false, problems: [{ path: 'lines[0].area["2003"]', code: 'engine.notANumber', params: {} }] });
  });
});

describe('peopleTimesCompensation', () => {
  it('persons · compensation per person', () => {
    const r = ok(peopleTimesCompensation({ persons: { '2010': '1200', '2011': '800' }, compensationPerPerson: { '2010-2011': '35000.5' } }));
    expect(r.values).toEqual({ '2010': '42000600', '2011': '28000400' });
  });
});

describe('agriculturalOpportunityCost (eq. 6)', () => {
  it('Σ_i area_it · net benefit_t', () => {
    const r = ok(
      agriculturalOpportunityCost({
        unit: 10000,
        parcels: [
          { label: 'paddy to dryland', area: { '2014-2016': '2000' } },
          { label: 'buffer strips', area: { '2015-2016': '500' } },
        ],
        netBenefitPerHa: { '2014-2015': '7500', '2016': '8000' },
      }),
    );
    expect(r.values).toEqual({ '2014': '1500', '2015': '1875', '2016': '2000' });
  });
});

describe('industrialOpportunityCost (eqs. 3–5)', () => {
  const base = {
    baseYear: 2002,
    gdp0: '10000',
    gdpActual: { '2003': '10500', '2004': '11000' },
    population: { '2003-2004': '1000' },
    revenueRatio: { '2003-2004': '0.1' },
    growthFactor: { '2003-2004': '1.1' },
    sourceGrowthBefore: '0.10',
    sourceGrowthAfter: '0.06',
    referenceGrowthBefore: '0.08',
    referenceGrowthAfter: '0.07',
  };

  it('projects the counterfactual with growth factors a_t + i', () => {
    const r = ok(industrialOpportunityCost(base));
    // i = |(0.06 − 0.07) − (0.10 − 0.08)| = 0.03
    // 2003: 10000·1.13 − 10500 = 800 → ·1000·0.1 = 80000
    // 2004: 10000·1.13² − 11000 = 1769 → 176900
    expect(r.values).toEqual({ '2003': '80000', '2004': '176900' });
    expect(english(r.steps[1]!.substituted)).toContain('= 10000·1.2769 − 11000 = 1769');
  });

  it('reports a negative loss, and floors it at 0 only when asked', () => {
    const high = { ...base, gdpActual: { '2003': '12000' } };
    expect(ok(industrialOpportunityCost(high)).values).toEqual({ '2003': '-70000' }); // (11300 − 12000)·1000·0.1;
    const floored = ok(industrialOpportunityCost({ ...high, floorAtZero: true }));
    expect(floored.values).toEqual({ '2003': '0' });
    expect(english(floored.steps[0]!.substituted)).toMatch(/floored at 0$/);
  });

  it('names missing years', () => {
    const r = industrialOpportunityCost({ ...base, growthFactor: { '2004': '1.1' }, population: {} });
    expect(r.ok).toBe(false);
    expect(!r.ok && englishLines(r.problems)).toEqual([
      'population: no value for 2003',
      'population: no value for 2004',
      'growthFactor: no value for 2003 (the product of eq. 4 runs over every year from 2003)',
    ]);
  });

  it('keeps full precision', () => {
    const r = ok(industrialOpportunityCost({ ...base, unit: 3 }));
    expect(r.yearly[2003]!.eq(new D(80000).div(3))).toBe(true);
  });
});
