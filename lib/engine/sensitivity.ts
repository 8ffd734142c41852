import { CATEGORIES, GROUPS, groupOf, type Category, type Group } from './categories';
import { computeScenario, type Result } from './compute';
import { D, ONE, ZERO, formatDecimal, type Dec } from './decimal';
import type { Scenario, ValuesMap } from './schema';

/**
 * Sensitivity of the lower bound (pes-model.md §2–3) to the negotiated
 * assumptions: how A_PES — and the payment schedule built on it by eq. 8 —
 * move when one α group, the interest rate or one cost group moves by ±p %,
 * and a two-way table of α (all groups scaled together) × rate.
 *
 * Every variation is a modified copy of the scenario run through
 * computeScenario, so the numbers are exactly what the engine would give for
 * that scenario. Pure: decimal.js and this folder only.
 *
 * What moves (docs/decisions/0014-fairness-shares.md § Sensitivity):
 * - α of a group: every α value of the group AND every per-category override
 *   of the group's categories is multiplied by (1 ± p), then clamped to [0, 1]
 *   (an α outside [0, 1] is not a valid scenario).
 * - rate: `discountRate` × (1 ± p), clamped to [0, 1]. A relative move, like
 *   the others (3 % ± 10 % → 2.7 % / 3.3 %); a rate of 0 therefore stays 0.
 * - cost group: every cost value of the group's categories × (1 ± p).
 *   Subsidies stay as they are: they are national money, not the region's cost.
 *
 * Note (checked against compute.ts): the yearly lower bound A_PES does not
 * depend on the rate at all; the rate only enters the back-pay annuity of
 * eq. 8, i.e. the payment. Both measures are reported so the UI can show
 * the rate's effect where it exists.
 */

export type SensitivityMeasure = 'lowerBound' | 'payment';
export const SENSITIVITY_MEASURES = ['lowerBound', 'payment'] as const satisfies readonly SensitivityMeasure[];

export type SensitivityFactor = { kind: 'alpha'; group: Group } | { kind: 'rate' } | { kind: 'cost'; group: Group };

/** One measure over the whole range (sum over years) and per period (annual average, as in pes-result/1). */
export interface MeasureValues {
  total: Dec;
  periods: Dec[];
}

export type Measures = Record<SensitivityMeasure, MeasureValues>;

export interface FactorOutcome {
  /** The factor's value after the move, for α a description is not one number: null. */
  value: Dec | null;
  /** True when clamping to [0, 1] cut the move short somewhere. */
  clamped: boolean;
  measures: Measures;
  /** measures − base. */
  delta: Measures;
}

export interface FactorSensitivity {
  id: string;
  factor: SensitivityFactor;
  /** The factor's value before the move (rate only). */
  baseValue: Dec | null;
  low: FactorOutcome;
  high: FactorOutcome;
}

export interface SensitivityGrid {
  /** Relative moves of α (all groups), e.g. −0.2 … 0.2. */
  alphaChanges: Dec[];
  /** Absolute rates, e.g. 0 … 0.06. */
  rates: Dec[];
  /** cells[a][r]: α scaled by (1 + alphaChanges[a]) at rate rates[r]. */
  cells: { measures: Measures; clamped: boolean }[][];
}

export interface SensitivityResult {
  /** The relative move p as a fraction (0.1 = ±10 %). */
  change: Dec;
  currency: string;
  unit: number;
  priceBase: string;
  periods: { label: string; from: number; to: number }[];
  /** The scenario's own rate. */
  rate: Dec;
  base: Measures;
  factors: FactorSensitivity[];
  grid: SensitivityGrid;
}

export interface SensitivityOptions {
  /** ±p as a fraction: 0.1 = ±10 % (default). Must lie in [0, 1]. */
  change?: Dec | string;
  /** Relative α moves of the two-way table (fractions), default −0.2, −0.1, 0, 0.1, 0.2. */
  alphaChanges?: readonly (Dec | string)[];
  /** Absolute rates of the two-way table (fractions), default 0, 0.01, … 0.06. */
  rates?: readonly (Dec | string)[];
}

export const DEFAULT_SENSITIVITY_CHANGE = '0.1';
export const DEFAULT_ALPHA_CHANGES = ['-0.2', '-0.1', '0', '0.1', '0.2'] as const;
export const DEFAULT_RATES = ['0', '0.01', '0.02', '0.03', '0.04', '0.05', '0.06'] as const;

// ------------------------------------------------------------- Nash split

// The Nash split lives beside the computation that uses it; the browser imports it from here.
export { nashSplit } from './negotiation';

// ------------------------------------------------------- scenario changes

const clamp01 = (v: Dec): Dec => (v.lt(ZERO) ? ZERO : v.gt(ONE) ? ONE : v);

function scaleMap(values: ValuesMap, factor: Dec, clampToUnit: boolean): { values: ValuesMap; clamped: boolean } {
  let clamped = false;
  const out: ValuesMap = {};
  for (const [key, text] of Object.entries(values)) {
    const scaled = new D(text).times(factor);
    const kept = clampToUnit ? clamp01(scaled) : scaled;
    if (!kept.eq(scaled)) clamped = true;
    out[key] = formatDecimal(kept);
  }
  return { values: out, clamped };
}

/**
 * α of the given groups (and the overrides of their categories) × factor,
 * clamped to [0, 1]. The scenario passed in is not changed.
 */
export function scaleAlpha(s: Scenario, groups: readonly Group[], factor: Dec): { scenario: Scenario; clamped: boolean } {
  let clamped = false;
  const alpha: Scenario['alpha'] = { ...s.alpha };
  for (const g of groups) {
    const values = s.alpha[g];
    if (!values) continue;
    const r = scaleMap(values, factor, true);
    alpha[g] = r.values;
    clamped ||= r.clamped;
  }
  const alphaOverrides: Scenario['alphaOverrides'] = { ...s.alphaOverrides };
  for (const c of CATEGORIES) {
    const values = s.alphaOverrides[c];
    if (!values || !groups.includes(groupOf(c))) continue;
    const r = scaleMap(values, factor, true);
    alphaOverrides[c] = r.values;
    clamped ||= r.clamped;
  }
  return { scenario: { ...s, alpha, alphaOverrides }, clamped };
}

/** The interest rate (rate of capital gains i_s) set to `rate`, clamped to [0, 1]. */
export function withRate(s: Scenario, rate: Dec): { scenario: Scenario; clamped: boolean } {
  const kept = clamp01(rate);
  return { scenario: { ...s, discountRate: formatDecimal(kept) }, clamped: !kept.eq(rate) };
}

/** Every cost item of the group's categories × factor; subsidies unchanged. */
export function scaleCostGroup(s: Scenario, group: Group, factor: Dec): Scenario {
  return { ...s, costs: s.costs.map((item) => (groupOf(item.code) === group ? { ...item, values: scaleMap(item.values, factor, false).values } : item)) };
}

// ------------------------------------------------------------ measuring

function measuresOf(r: Result): Measures {
  return {
    lowerBound: { total: r.totals.lowerBound, periods: r.periods.map((p) => p.lowerBound) },
    payment: { total: r.totals.payment, periods: r.periods.map((p) => p.payment) },
  };
}

function minus(a: Measures, b: Measures): Measures {
  const sub = (x: MeasureValues, y: MeasureValues): MeasureValues => ({ total: x.total.minus(y.total), periods: x.periods.map((v, i) => v.minus(y.periods[i]!)) });
  return { lowerBound: sub(a.lowerBound, b.lowerBound), payment: sub(a.payment, b.payment) };
}

/** Groups whose α can matter: a cost or a subsidy of one of their categories exists. */
function groupsWith(items: readonly { code: Category }[]): Group[] {
  const present = new Set(items.map((i) => groupOf(i.code)));
  return GROUPS.filter((g) => present.has(g));
}

const toDec = (v: Dec | string): Dec => (typeof v === 'string' ? new D(v) : v);

export function factorId(f: SensitivityFactor): string {
  return f.kind === 'rate' ? 'rate' : `${f.kind}:${f.group}`;
}

/**
 * The tornado (each factor at −p and +p, the others at their values) and the
 * α × rate table of a valid scenario.
 */
export function computeSensitivity(s: Scenario, options: SensitivityOptions = {}): SensitivityResult {
  const change = toDec(options.change ?? DEFAULT_SENSITIVITY_CHANGE);
  if (change.isNaN() || change.lt(0) || change.gt(1)) throw new RangeError(`change ${change.toString()} is not between 0 and 1`);
  const baseResult = computeScenario(s);
  const base = measuresOf(baseResult);
  const down = ONE.minus(change);
  const up = ONE.plus(change);
  const rate = new D(s.discountRate ?? 0);

  const outcome = (scenario: Scenario, value: Dec | null, clamped: boolean): FactorOutcome => {
    const measures = measuresOf(computeScenario(scenario));
    return { value, clamped, measures, delta: minus(measures, base) };
  };

  const factors: FactorSensitivity[] = [];
  for (const group of groupsWith([...s.costs, ...s.subsidies])) {
    const factor: SensitivityFactor = { kind: 'alpha', group };
    const [lo, hi] = [scaleAlpha(s, [group], down), scaleAlpha(s, [group], up)];
    factors.push({ id: factorId(factor), factor, baseValue: null, low: outcome(lo.scenario, null, lo.clamped), high: outcome(hi.scenario, null, hi.clamped) });
  }
  {
    const factor: SensitivityFactor = { kind: 'rate' };
    const [lo, hi] = [withRate(s, rate.times(down)), withRate(s, rate.times(up))];
    factors.push({
      id: 'rate',
      factor,
      baseValue: rate,
      low: outcome(lo.scenario, new D(lo.scenario.discountRate!), lo.clamped),
      high: outcome(hi.scenario, new D(hi.scenario.discountRate!), hi.clamped),
    });
  }
  for (const group of groupsWith(s.costs)) {
    const factor: SensitivityFactor = { kind: 'cost', group };
    factors.push({ id: factorId(factor), factor, baseValue: null, low: outcome(scaleCostGroup(s, group, down), null, false), high: outcome(scaleCostGroup(s, group, up), null, false) });
  }

  const alphaChanges = (options.alphaChanges ?? DEFAULT_ALPHA_CHANGES).map(toDec);
  const rates = (options.rates ?? DEFAULT_RATES).map(toDec);
  const cells = alphaChanges.map((a) => {
    const scaled = scaleAlpha(s, GROUPS, ONE.plus(a));
    return rates.map((r) => {
      const rated = withRate(scaled.scenario, r);
      return { measures: measuresOf(computeScenario(rated.scenario)), clamped: scaled.clamped || rated.clamped };
    });
  });

  return {
    change,
    currency: s.currency,
    unit: s.unit,
    priceBase: s.priceBase,
    periods: baseResult.periods.map(({ label, from, to }) => ({ label, from, to })),
    rate,
    base,
    factors,
    grid: { alphaChanges, rates, cells },
  };
}

// ----------------------------------------------------------------- JSON

export interface MeasureValuesJson {
  total: string;
  periods: string[];
}
export type MeasuresJson = Record<SensitivityMeasure, MeasureValuesJson>;
export interface FactorOutcomeJson {
  value: string | null;
  clamped: boolean;
  measures: MeasuresJson;
  delta: MeasuresJson;
}
export interface SensitivityJson {
  change: string;
  currency: string;
  unit: number;
  priceBase: string;
  periods: { label: string; from: number; to: number }[];
  rate: string;
  base: MeasuresJson;
  factors: { id: string; factor: SensitivityFactor; baseValue: string | null; low: FactorOutcomeJson; high: FactorOutcomeJson }[];
  grid: { alphaChanges: string[]; rates: string[]; cells: { measures: MeasuresJson; clamped: boolean }[][] };
}

const f = formatDecimal;
const valuesJson = (v: MeasureValues): MeasureValuesJson => ({ total: f(v.total), periods: v.periods.map(f) });
const measuresJson = (m: Measures): MeasuresJson => ({ lowerBound: valuesJson(m.lowerBound), payment: valuesJson(m.payment) });
const outcomeJson = (o: FactorOutcome): FactorOutcomeJson => ({ value: o.value === null ? null : f(o.value), clamped: o.clamped, measures: measuresJson(o.measures), delta: measuresJson(o.delta) });

/** The result with every decimal as its full-precision string (the engine's output policy). */
export function toSensitivityJson(r: SensitivityResult): SensitivityJson {
  return {
    change: f(r.change),
    currency: r.currency,
    unit: r.unit,
    priceBase: r.priceBase,
    periods: r.periods,
    rate: f(r.rate),
    base: measuresJson(r.base),
    factors: r.factors.map((x) => ({ id: x.id, factor: x.factor, baseValue: x.baseValue === null ? null : f(x.baseValue), low: outcomeJson(x.low), high: outcomeJson(x.high) })),
    grid: { alphaChanges: r.grid.alphaChanges.map(f), rates: r.grid.rates.map(f), cells: r.grid.cells.map((row) => row.map((c) => ({ measures: measuresJson(c.measures), clamped: c.clamped }))) },
  };
}
