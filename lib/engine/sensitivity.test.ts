import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, GROUPS, groupOf } from './categories';
import { computeScenario } from './compute';
import { D, ZERO, type Dec } from './decimal';
import { shiyanScenario } from './fixtures';
import { parseScenario, type Scenario } from './schema';
import { computeSensitivity, nashSplit, scaleAlpha, scaleCostGroup, toSensitivityJson, withRate, type Measures, type SensitivityMeasure } from './sensitivity';

// ----------------------------------------------------------------- generator

const START = 2000;
/** A non-negative decimal string with up to 2 places, built from integers (no float involved). */
const amount = (max: number) => fc.integer({ min: 0, max }).map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
/** α in [0, 0.99] or [0, 1]. */
const alphaValue = (allowOne: boolean) => fc.integer({ min: 0, max: allowOne ? 100 : 99 }).map((p) => (p === 100 ? '1' : `0.${String(p).padStart(2, '0')}`));

function valuesArb(n: number, value: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> {
  return fc.array(fc.record({ len: fc.integer({ min: 1, max: 4 }), value: fc.option(value, { nil: undefined }) }), { minLength: 1, maxLength: n }).map((segments) => {
    const out: Record<string, string> = {};
    let y = START;
    for (const s of segments) {
      if (y > START + n - 1) break;
      const to = Math.min(y + s.len - 1, START + n - 1);
      if (s.value !== undefined) out[y === to ? String(y) : `${y}-${to}`] = s.value;
      y = to + 1;
    }
    return out;
  });
}

function scenarioArb(opts: { alphaBelowOne?: boolean; subsidies?: boolean } = {}): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 1, max: 10 }).chain((n) => {
    const costItem = fc.record({ code: fc.constantFrom(...CATEGORIES), values: valuesArb(n, amount(1e9)) });
    return fc
      .record({
        paymentOffset: fc.integer({ min: 0, max: n - 1 }),
        catchUpYears: fc.integer({ min: 1, max: 6 }),
        discountRate: fc.constantFrom('0', '0.01', '0.03', '0.035', '0.1'),
        costs: fc.array(costItem, { minLength: 1, maxLength: 6 }),
        subsidies: fc.array(costItem, { maxLength: opts.subsidies === false ? 0 : 3 }),
        alpha: fc.dictionary(fc.constantFrom(...GROUPS), valuesArb(n, alphaValue(!opts.alphaBelowOne)), { maxKeys: 5 }),
        overrides: fc.dictionary(fc.constantFrom(...CATEGORIES), valuesArb(n, alphaValue(!opts.alphaBelowOne)), { maxKeys: 2 }),
        periodSplit: fc.integer({ min: 0, max: n - 1 }),
      })
      .map((g) => {
        const end = START + n - 1;
        const split = START + g.periodSplit;
        const periods =
          split > START
            ? [
                { label: 'A', from: START, to: split - 1 },
                { label: 'B', from: split, to: end },
              ]
            : [{ label: 'all', from: START, to: end }];
        const r = parseScenario({
          format: 'pes-scenario/1',
          name: 'generated',
          currency: 'CNY',
          unit: 1000,
          priceBase: 'test',
          startYear: START,
          endYear: end,
          paymentStartYear: START + g.paymentOffset,
          catchUpYears: g.catchUpYears,
          discountRate: g.discountRate,
          periods,
          costs: g.costs.map((c, i) => ({ ...c, label: `cost ${i}` })),
          subsidies: g.subsidies.map((c, i) => ({ ...c, label: `subsidy ${i}` })),
          alpha: g.alpha,
          alphaOverrides: g.overrides,
        });
        if (!r.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(r.problems)}`);
        return r.scenario;
      });
  });
}

/** A change p in [0, 1] with two decimal places. */
const changeArb = fc.integer({ min: 0, max: 100 }).map((p) => new D(p).div(100));

/** Every value of a measure the scenario states (a null here is a failure: these scenarios state both bounds where asked). */
const allValues = (m: Measures, measure: SensitivityMeasure): Dec[] =>
  [m[measure].total, ...m[measure].periods].map((v) => {
    if (v === null) throw new Error(`${measure} is not stated`);
    return v;
  });
const everyAlpha = (s: Scenario): Dec[] => [...Object.values(s.alpha), ...Object.values(s.alphaOverrides)].flatMap((values) => Object.values(values ?? {}).map((v) => new D(v)));

// ----------------------------------------------------------------- unit tests

describe('sensitivity on the Shiyan reference case', () => {
  const s = shiyanScenario();
  const r = computeSensitivity(s);
  const base = computeScenario(s);

  it('reports the base case exactly as computeScenario does', () => {
    expect(r.base.lowerBound.total!.eq(base.totals.lowerBound)).toBe(true);
    expect(r.base.payment.total!.eq(base.totals.payment)).toBe(true);
    expect(r.base.lowerBound.periods.map(String)).toEqual(base.periods.map((p) => p.lowerBound.toString()));
    expect(r.periods.map((p) => p.label)).toEqual(base.periods.map((p) => p.label));
    expect(r.change.toString()).toBe('0.1');
  });

  it('lists α and cost groups present in the scenario, the rate and the water volume (no benefits: no weight)', () => {
    expect(r.factors.map((f) => f.id)).toEqual(['alpha:ED', 'alpha:PD', 'alpha:AD', 'alpha:IO', 'alpha:AO', 'rate', 'cost:ED', 'cost:PD', 'cost:AD', 'cost:IO', 'cost:AO', 'waterVolume']);
  });

  it('moves the lower bound by exactly p · Σ C_g · (1 − α) for a cost group', () => {
    const ed = r.factors.find((f) => f.id === 'cost:ED')!;
    // ED has α 0.15 in every year: ΔA = 0.1 · 0.85 · Σ_t C_ED(t).
    const costED = base.years.reduce((sum, y) => sum.plus(y.byGroup.ED.cost), ZERO);
    expect(ed.high.delta.lowerBound.total!.toString()).toBe(costED.times('0.085').toString());
    expect(ed.low.delta.lowerBound.total!.toString()).toBe(costED.times('-0.085').toString());
  });

  it('moves the lower bound by −p · Σ (C − I) · α for an α group', () => {
    const pd = r.factors.find((f) => f.id === 'alpha:PD')!;
    const netPD = base.years.reduce((sum, y) => sum.plus(y.byGroup.PD.cost.minus(y.byGroup.PD.subsidy)), ZERO);
    // PD α 0.2 → 0.22: ΔA = −0.02 · Σ (C − I).
    expect(pd.high.delta.lowerBound.total!.toString()).toBe(netPD.times('-0.02').toString());
    expect(pd.high.clamped).toBe(false);
  });

  it('leaves the yearly lower bound alone when the rate moves, and moves the payment (back-pay annuity)', () => {
    const rate = r.factors.find((f) => f.id === 'rate')!;
    expect(rate.baseValue!.toString()).toBe('0.03');
    expect([rate.low.value!.toString(), rate.high.value!.toString()]).toEqual(['0.027', '0.033']);
    expect(allValues(rate.high.delta, 'lowerBound').every((v) => v.isZero())).toBe(true);
    expect(rate.high.delta.payment.total!.gt(0)).toBe(true);
    expect(rate.low.delta.payment.total!.lt(0)).toBe(true);
    // Only P2 (2011–2020) holds catch-up years (2014–2020).
    expect(rate.high.delta.payment.periods.map((v) => !v!.isZero())).toEqual([false, true, false, false, false]);
  });

  it('clamps α to 1 and says so', () => {
    // AD has α 0.6: +100 % would be 1.2.
    const big = computeSensitivity(s, { change: '1' });
    const ad = big.factors.find((f) => f.id === 'alpha:AD')!;
    expect(ad.high.clamped).toBe(true);
    const { scenario } = scaleAlpha(s, ['AD'], new D(2));
    expect(scenario.alpha.AD).toEqual({ '2003-2050': '1' });
    expect(ad.low.clamped).toBe(false);
  });

  it('fills the α × rate table, whose α 0 % row at the scenario rate is the base case', () => {
    expect(r.grid.alphaChanges.map(String)).toEqual(['-0.2', '-0.1', '0', '0.1', '0.2']);
    expect(r.grid.rates.map(String)).toEqual(['0', '0.01', '0.02', '0.03', '0.04', '0.05', '0.06']);
    const cell = r.grid.cells[2]![3]!;
    expect(cell.measures.payment.total!.eq(r.base.payment.total!)).toBe(true);
    expect(cell.measures.lowerBound.total!.eq(r.base.lowerBound.total!)).toBe(true);
    // More α → more internal effect → lower bound down.
    expect(r.grid.cells[4]![3]!.measures.lowerBound.total!.lt(r.grid.cells[0]![3]!.measures.lowerBound.total!)).toBe(true);
  });

  it('refuses a change outside [0, 1]', () => {
    expect(() => computeSensitivity(s, { change: '-0.1' })).toThrow(RangeError);
    expect(() => computeSensitivity(s, { change: '1.5' })).toThrow(RangeError);
  });

  it('writes decimal strings', () => {
    const json = toSensitivityJson(r);
    expect(json.base.lowerBound.total!).toBe(base.totals.lowerBound.toString());
    expect(json.factors[0]!.high.delta.lowerBound.periods).toHaveLength(5);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

// ----------------------------------------------------------------- properties

describe('sensitivity properties', () => {
  it('a change of 0 % moves nothing', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const r = computeSensitivity(s, { change: '0' });
        for (const f of r.factors) for (const side of [f.low, f.high]) for (const m of ['lowerBound', 'payment'] as const) expect(allValues(side.delta, m).every((v) => v.isZero())).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('+p % on a cost group never lowers the lower bound (or the payment) when α < 1, −p % never raises it', () => {
    fc.assert(
      fc.property(scenarioArb({ alphaBelowOne: true }), changeArb, (s, p) => {
        const r = computeSensitivity(s, { change: p });
        for (const f of r.factors.filter((x) => x.factor.kind === 'cost')) {
          for (const m of ['lowerBound', 'payment'] as const) {
            expect(allValues(f.high.delta, m).every((v) => v.gte(0))).toBe(true);
            expect(allValues(f.low.delta, m).every((v) => v.lte(0))).toBe(true);
          }
          // With α < 1 every unit of cost adds to the lower bound: a positive move where costs exist.
          const g = (f.factor as { group: string }).group;
          const hasCost = s.costs.some((c) => groupOf(c.code) === g && Object.values(c.values).some((v) => new D(v).gt(0)));
          if (hasCost && p.gt(0)) expect(f.high.delta.lowerBound.total!.gt(0)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('+p % on an α group never raises the lower bound when no subsidy exceeds its cost (here: no subsidies)', () => {
    fc.assert(
      fc.property(scenarioArb({ subsidies: false }), changeArb, (s, p) => {
        const r = computeSensitivity(s, { change: p });
        for (const f of r.factors.filter((x) => x.factor.kind === 'alpha')) {
          expect(allValues(f.high.delta, 'lowerBound').every((v) => v.lte(0))).toBe(true);
          expect(allValues(f.low.delta, 'lowerBound').every((v) => v.gte(0))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps α within [0, 1] and every changed scenario valid', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.integer({ min: 0, max: 300 }), fc.constantFrom(...GROUPS), (s, percent, group) => {
        const factor = new D(percent).div(100);
        const before = structuredClone(s);
        for (const changed of [scaleAlpha(s, [group], factor).scenario, scaleAlpha(s, GROUPS, factor).scenario, withRate(s, factor.times('0.05')).scenario, scaleCostGroup(s, group, factor)]) {
          expect(everyAlpha(changed).every((a) => a.gte(0) && a.lte(1))).toBe(true);
          const reparsed = parseScenario(JSON.parse(JSON.stringify(changed)));
          expect(reparsed.ok, JSON.stringify(reparsed.ok ? null : reparsed.problems)).toBe(true);
        }
        // The scenario passed in is left as it was.
        expect(s).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('the rate never moves the lower bound; the payment is non-decreasing in the rate when the back-pay years have no negative lower bound', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const r = computeSensitivity(s);
        const base = computeScenario(s);
        const T = base.paymentStartYear - s.startYear;
        const backPayNonNegative = base.years.slice(0, T).every((y) => y.lowerBound.gte(0));
        for (const row of r.grid.cells) {
          for (let i = 1; i < row.length; i++) {
            expect(allValues(row[i]!.measures, 'lowerBound').map(String)).toEqual(allValues(row[0]!.measures, 'lowerBound').map(String));
          }
        }
        // The α 0 % row holds the scenario's α; its payments rise with the rate.
        if (backPayNonNegative) {
          const row = r.grid.cells[2]!;
          for (let i = 1; i < row.length; i++) expect(allValues(row[i]!.measures, 'payment').every((v, k) => v.gte(allValues(row[i - 1]!.measures, 'payment')[k]!))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('nashSplit is the engine’s suggested payment, year by year', () => {
    fc.assert(
      fc.property(scenarioArb(), alphaValue(true), fc.array(amount(1e9), { minLength: 1, maxLength: 3 }), (s, w, benefits) => {
        const withBenefits: Scenario = { ...s, bargainingWeight: w, benefits: benefits.map((b, i) => ({ label: `b${i}`, values: { [`${s.startYear}-${s.endYear}`]: b } })) };
        const result = computeScenario(withBenefits);
        for (const y of result.years) expect(nashSplit(y.lowerBound, y.upperBound!, new D(w)).toString()).toBe(y.suggestedPayment!.toString());
      }),
      { numRuns: 60 },
    );
  });
});
