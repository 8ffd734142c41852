import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeScenario } from './compute';
import { D, type Dec } from './decimal';
import { shiyanDocument } from './fixtures';
import { parseScenario, type Scenario } from './schema';
import { computeSensitivity, toSensitivityJson, type Measures, type SensitivityMeasure } from './sensitivity';

function parsed(document: unknown): Scenario {
  const r = parseScenario(document);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

/** Shiyan with a downstream side: benefits above the lower bound, downstream costs, volume and weight. */
const withBenefits = () =>
  parsed({
    ...(shiyanDocument() as object),
    benefits: [{ kind: 'avoidedTreatment', label: 'Avoided treatment', values: { '2014-2050': '20000000' } }],
    downstreamCosts: [{ label: 'Monitoring', values: { '2014-2050': '200000' } }],
  });

const downstreamOnly = () =>
  parsed({
    format: 'pes-scenario/1',
    name: 'Beijing benefits',
    currency: 'CNY',
    unit: 1000,
    priceBase: '2000 constant prices',
    startYear: 2014,
    endYear: 2020,
    benefits: [{ kind: 'willingnessToPay', label: 'WTP', values: { '2014-2020': '1000' } }],
    downstreamCosts: [{ label: 'Monitoring', values: { '2014-2020': '100' } }],
    waterVolume: { '2014-2020': '9500000000' },
  });

const total = (m: Measures, measure: SensitivityMeasure): Dec => {
  const v = m[measure].total;
  if (v === null) throw new Error(`${measure} not stated`);
  return v;
};

describe('sensitivity beyond the lower bound', () => {
  const s = withBenefits();
  const r = computeSensitivity(s, { offer: '12000000', twoWay: { rows: 'benefits', cols: 'bargainingWeight' } });
  const factor = (id: string) => r.factors.find((f) => f.id === id)!;

  it('moves benefits, downstream costs, volume, the weight and the offer too', () => {
    expect(r.factors.map((f) => f.id).slice(-5)).toEqual(['benefits', 'downstreamCosts', 'waterVolume', 'bargainingWeight', 'offer']);
    expect(r.parameters[0]).toEqual({ id: 'alpha', factor: { kind: 'alphaAll' } });
  });

  it('benefits +p % raise the upper bound by exactly p · Σ benefits and leave the lower bound', () => {
    const b = factor('benefits');
    // 37 years 2014–2050 at 20 000 000.
    expect(total(b.high.delta, 'upperBound').toString()).toBe(new D('20000000').times(37).times('0.1').toString());
    expect(total(b.high.delta, 'lowerBound').isZero()).toBe(true);
  });

  it('the weight moves the Nash payment by Δw · Σ (upper − lower) and nothing else', () => {
    const w = factor('bargainingWeight');
    expect(w.baseValue!.toString()).toBe('0.5');
    expect(w.high.value!.toString()).toBe('0.55');
    const base = computeScenario(s);
    let surplus = new D(0);
    for (const y of base.years) if (y.upperBound) surplus = surplus.plus(y.upperBound.minus(y.lowerBound));
    expect(total(w.high.delta, 'nashPayment').toString()).toBe(surplus.times('0.05').toString());
    expect(total(w.high.delta, 'upperBound').isZero()).toBe(true);
  });

  it('the water volume +p % divides the price per m³ by 1 + p', () => {
    const v = factor('waterVolume');
    expect(total(v.high.measures, 'pricePerM3').times('1.1').toDecimalPlaces(20).toString()).toBe(total(r.base, 'pricePerM3').toDecimalPlaces(20).toString());
  });

  it('the offer +p % moves the offer’s distance from the Nash payment by p · offer per payment year', () => {
    // Payments start in 2014: 37 years with an upper bound.
    expect(total(factor('offer').high.delta, 'offerVsNash').toString()).toBe(new D('12000000').times('0.1').times(37).toString());
    expect(r.offer!.toString()).toBe('12000000');
  });

  it('the two-way table of benefits × weight: its centre is the base case, each cell is its own scenario', () => {
    const t = r.twoWay!;
    expect(t.rows.id).toBe('benefits');
    expect(t.cols.id).toBe('bargainingWeight');
    expect(t.rows.changes.map(String)).toEqual(['-0.2', '-0.1', '0', '0.1', '0.2']);
    expect(total(t.cells[2]![2]!.measures, 'nashPayment').eq(total(r.base, 'nashPayment'))).toBe(true);
    // benefits −20 %, w +20 % (0.6) recomputed by hand from a changed document.
    const changed = parsed({
      ...(shiyanDocument() as object),
      bargainingWeight: '0.6',
      benefits: [{ label: 'x', values: { '2014-2050': '16000000' } }],
      downstreamCosts: [{ label: 'm', values: { '2014-2050': '200000' } }],
    });
    let nash = new D(0);
    for (const y of computeScenario(changed).years) if (y.suggestedPayment) nash = nash.plus(y.suggestedPayment);
    expect(total(t.cells[0]![4]!.measures, 'nashPayment').toString()).toBe(nash.toString());
  });

  it('falls back to α × rate when the asked parameters do not exist, and never pairs one with itself', () => {
    const t = computeSensitivity(s, { twoWay: { rows: 'nonsense', cols: 'alpha' } }).twoWay!;
    expect([t.rows.id, t.cols.id]).toEqual(['alpha', 'rate']);
    const same = computeSensitivity(s, { twoWay: { rows: 'rate', cols: 'rate' } }).twoWay!;
    expect([same.rows.id, same.cols.id]).toEqual(['rate', 'alpha']);
  });

  it('writes nulls, not zeros, in JSON where a measure is not stated', () => {
    const json = toSensitivityJson(computeSensitivity(downstreamOnly()));
    expect(json.lowerBoundStated).toBe(false);
    expect(json.base.lowerBound).toEqual({ total: null, periods: [null] });
    expect(json.base.nashPayment.total).toBeNull();
    expect(json.base.upperBound.total).toBe('6300');
  });
});

describe('sensitivity of a downstream scenario that states only its upper bound', () => {
  const r = computeSensitivity(downstreamOnly());

  it('moves only what it states: benefits and downstream costs', () => {
    expect(r.factors.map((f) => f.id)).toEqual(['benefits', 'downstreamCosts']);
    expect(r.base.lowerBound.total).toBeNull();
    expect(r.base.pricePerM3.total).toBeNull();
  });

  it('its two-way table is benefits × downstream costs, each cell B(1 + r) − C(1 + c) per year', () => {
    const t = r.twoWay!;
    t.rows.changes.forEach((rc, i) =>
      t.cols.changes.forEach((cc, j) => {
        const perYear = new D(1000).times(rc.plus(1)).minus(new D(100).times(cc.plus(1)));
        expect(total(t.cells[i]![j]!.measures, 'upperBound').toString()).toBe(perYear.times(7).toString());
      }),
    );
  });
});

// ----------------------------------------------------------------- properties

const START = 2010;
const amount = fc.integer({ min: 0, max: 1e8 }).map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
const boundsArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc
    .record({
      cost: amount,
      benefit: amount,
      downstreamCost: amount,
      alpha: fc.integer({ min: 0, max: 99 }).map((p) => `0.${String(p).padStart(2, '0')}`),
      weight: fc.integer({ min: 0, max: 100 }).map((p) => new D(p).div(100).toString()),
      change: fc.integer({ min: 0, max: 100 }).map((p) => new D(p).div(100)),
      withCosts: fc.boolean(),
    })
    .map((g) => ({
      change: g.change,
      scenario: parsed({
        format: 'pes-scenario/1',
        name: 'generated',
        currency: 'CNY',
        unit: 1000,
        priceBase: 'test',
        startYear: START,
        endYear: START + n - 1,
        bargainingWeight: g.weight,
        ...(g.withCosts ? { costs: [{ code: 'C_f', label: 'c', values: { [`${START}-${START + n - 1}`]: g.cost } }], alpha: { ED: { [`${START}-${START + n - 1}`]: g.alpha } } } : {}),
        benefits: [{ label: 'b', values: { [`${START}-${START + n - 1}`]: g.benefit } }],
        downstreamCosts: [{ label: 'd', values: { [`${START}-${START + n - 1}`]: g.downstreamCost } }],
        waterVolume: { [`${START}-${START + n - 1}`]: '1000000' },
      }),
    })),
);

describe('properties of the bounds’ sensitivity', () => {
  it('raising benefits never lowers the upper bound (or the Nash payment); raising downstream costs never raises it', () => {
    fc.assert(
      fc.property(boundsArb, ({ scenario, change }) => {
        const r = computeSensitivity(scenario, { change });
        const b = r.factors.find((f) => f.id === 'benefits')!;
        const d = r.factors.find((f) => f.id === 'downstreamCosts')!;
        expect(total(b.high.delta, 'upperBound').gte(0)).toBe(true);
        expect(total(b.low.delta, 'upperBound').lte(0)).toBe(true);
        expect(total(d.high.delta, 'upperBound').lte(0)).toBe(true);
        if (r.lowerBoundStated) expect(total(b.high.delta, 'nashPayment').gte(0)).toBe(true);
        else expect(r.base.nashPayment.total).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('a larger weight never lowers the Nash payment where the zone is not empty, and never moves a bound', () => {
    fc.assert(
      fc.property(boundsArb, ({ scenario, change }) => {
        const r = computeSensitivity(scenario, { change });
        const w = r.factors.find((f) => f.id === 'bargainingWeight');
        if (!r.lowerBoundStated) {
          expect(w).toBeUndefined();
          return;
        }
        const base = computeScenario(scenario);
        const feasible = base.years.every((y) => y.feasible);
        if (feasible) expect(total(w!.high.delta, 'nashPayment').gte(0)).toBe(true);
        expect(total(w!.high.delta, 'upperBound').isZero() && total(w!.high.delta, 'lowerBound').isZero()).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('every two-way cell at 0 × 0 is the base case', () => {
    fc.assert(
      fc.property(boundsArb, ({ scenario, change }) => {
        const r = computeSensitivity(scenario, { change });
        const t = r.twoWay!;
        const i = t.rows.changes.findIndex((c) => c.isZero());
        const j = t.cols.changes.findIndex((c) => c.isZero());
        expect(toSensitivityJson({ ...r, base: t.cells[i]![j]!.measures }).base).toEqual(toSensitivityJson(r).base);
      }),
      { numRuns: 40 },
    );
  });
});
