import { CATEGORIES, GROUPS, groupOf, type Category, type Group } from './categories';
import { DEFAULT_BARGAINING_WEIGHT, computeScenario, type Result } from './compute';
import { periodAverage } from './period-average';
import { D, ONE, ZERO, formatDecimal, type Dec } from './decimal';
import type { Scenario, ValuesMap } from './schema';

/**
 * Sensitivity of both bounds (pes-model.md §1–4) to the negotiated assumptions:
 * how the lower bound A_PES, the payment schedule built on it by eq. 8, the upper
 * bound, the Nash payment, the price per m³ and an offered payment's distance
 * from the Nash payment move when one parameter moves by ±p %; and a two-way
 * table of any two parameters (plus the α × rate table of before).
 *
 * Every variation is a modified copy of the scenario run through
 * computeScenario, so the numbers are exactly what the engine would give for
 * that scenario. Pure: decimal.js and this folder only.
 *
 * What moves (docs/decisions/0014-fairness-shares.md § Sensitivity, 0047):
 * - α of a group: every α value of the group AND every per-category override
 *   of the group's categories is multiplied by (1 ± p), then clamped to [0, 1]
 *   (an α outside [0, 1] is not a valid scenario). `alpha` moves all groups.
 * - rate: `discountRate` × (1 ± p), clamped to [0, 1]. A relative move, like
 *   the others (3 % ± 10 % → 2.7 % / 3.3 %); a rate of 0 therefore stays 0.
 * - cost group: every cost value of the group's categories × (1 ± p).
 *   Subsidies stay as they are: they are national money, not the region's cost.
 * - benefits, downstream costs, water volume: every value × (1 ± p); a volume
 *   moved to 0 is no volume (no price), since a price per 0 m³ is not a price.
 * - bargaining weight w: × (1 ± p), clamped to [0, 1].
 * - offered payment: the yearly amount offered from paymentStartYear × (1 ± p).
 *
 * Note (checked against compute.ts): the yearly lower bound A_PES does not
 * depend on the rate at all; the rate only enters the back-pay annuity of
 * eq. 8, i.e. the payment. A measure that a scenario does not state (the
 * lower bound of a side's scenario without costs, the upper bound of one
 * without benefits) is null, never 0.
 */

export const SENSITIVITY_MEASURES = ['lowerBound', 'payment', 'upperBound', 'nashPayment', 'pricePerM3', 'offerVsNash'] as const;
export type SensitivityMeasure = (typeof SENSITIVITY_MEASURES)[number];

export type SensitivityFactor =
  | { kind: 'alpha'; group: Group }
  | { kind: 'alphaAll' }
  | { kind: 'rate' }
  | { kind: 'cost'; group: Group }
  | { kind: 'benefits' }
  | { kind: 'downstreamCosts' }
  | { kind: 'waterVolume' }
  | { kind: 'bargainingWeight' }
  | { kind: 'offer' };

/**
 * One measure over the whole range and per period (annual average, as in pes-result/1); null
 * where the scenario does not state it. The whole range is the sum over years, except the price
 * per m³: Σ payment · unit / Σ volume over the years with a volume.
 */
export interface MeasureValues {
  total: Dec | null;
  periods: (Dec | null)[];
}

export type Measures = Record<SensitivityMeasure, MeasureValues>;

export interface FactorOutcome {
  /** The factor's value after the move where it is one number (rate, weight), else null. */
  value: Dec | null;
  /** True when clamping to [0, 1] cut the move short somewhere. */
  clamped: boolean;
  measures: Measures;
  /** measures − base (null where either is null). */
  delta: Measures;
}

export interface FactorSensitivity {
  id: string;
  factor: SensitivityFactor;
  /** The factor's value before the move (rate, weight). */
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

/** A two-way table of any two parameters: cells[r][c] has rows.id × (1 + rows.changes[r]) and cols.id × (1 + cols.changes[c]). */
export interface TwoWayTable {
  rows: { id: string; changes: Dec[] };
  cols: { id: string; changes: Dec[] };
  cells: { measures: Measures; clamped: boolean }[][];
}

export interface SensitivityResult {
  /** The relative move p as a fraction (0.1 = ±10 %). */
  change: Dec;
  currency: string;
  unit: number;
  priceBase: string;
  periods: { label: string; from: number; to: number }[];
  /** Whether the scenario states its lower bound (has costs); see compute.ts. */
  lowerBoundStated: boolean;
  /** The scenario's own rate. */
  rate: Dec;
  /** The bargaining weight in use (the scenario's, or the default 0.5). */
  bargainingWeight: Dec;
  /** The offered yearly payment measured against, if any. */
  offer: Dec | null;
  base: Measures;
  factors: FactorSensitivity[];
  /** Every parameter a two-way table can use, in the order to offer them. */
  parameters: { id: string; factor: SensitivityFactor }[];
  grid: SensitivityGrid;
  /** null when fewer than two parameters can move. */
  twoWay: TwoWayTable | null;
}

export interface SensitivityOptions {
  /** ±p as a fraction: 0.1 = ±10 % (default). Must lie in [0, 1]. */
  change?: Dec | string;
  /** Relative α moves of the α × rate table (fractions), default −0.2, −0.1, 0, 0.1, 0.2. */
  alphaChanges?: readonly (Dec | string)[];
  /** Absolute rates of the α × rate table (fractions), default 0, 0.01, … 0.06. */
  rates?: readonly (Dec | string)[];
  /** An offered yearly payment (the scenario's unit) from paymentStartYear on. */
  offer?: Dec | string | null;
  /** The two parameters of the two-way table (ids as in `parameters`); default α × rate, else the first two. */
  twoWay?: { rows: string; cols: string };
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

/** Every value of the items × factor (benefits, downstream costs). */
function scaleItems<T extends { values: ValuesMap }>(items: readonly T[] | undefined, factor: Dec): T[] | undefined {
  return items?.map((item) => ({ ...item, values: scaleMap(item.values, factor, false).values }));
}

/** The water volume × factor; moved to 0 (or below) it is no volume at all (no price per m³). */
export function scaleWaterVolume(s: Scenario, factor: Dec): Scenario {
  if (!s.waterVolume) return s;
  if (factor.lte(0)) return { ...s, waterVolume: undefined };
  return { ...s, waterVolume: scaleMap(s.waterVolume, factor, false).values };
}

/** A scenario and the offer it is measured against: what one point of a sensitivity run is. */
interface Case {
  scenario: Scenario;
  offer: Dec | null;
}

interface Moved {
  case: Case;
  clamped: boolean;
  /** The factor's new value where it is one number. */
  value: Dec | null;
}

const toDec = (v: Dec | string): Dec => (typeof v === 'string' ? new D(v) : v);
const weightOf = (s: Scenario) => new D(s.bargainingWeight ?? DEFAULT_BARGAINING_WEIGHT);

/** The case with one factor multiplied by `factor` (1 ± p). */
function move(c: Case, f: SensitivityFactor, factor: Dec): Moved {
  const s = c.scenario;
  const same = (scenario: Scenario): Moved => ({ case: { ...c, scenario }, clamped: false, value: null });
  switch (f.kind) {
    case 'alpha':
    case 'alphaAll': {
      const r = scaleAlpha(s, f.kind === 'alpha' ? [f.group] : GROUPS, factor);
      return { case: { ...c, scenario: r.scenario }, clamped: r.clamped, value: null };
    }
    case 'rate': {
      const r = withRate(s, new D(s.discountRate ?? 0).times(factor));
      return { case: { ...c, scenario: r.scenario }, clamped: r.clamped, value: new D(r.scenario.discountRate!) };
    }
    case 'cost':
      return same(scaleCostGroup(s, f.group, factor));
    case 'benefits':
      return same({ ...s, benefits: scaleItems(s.benefits, factor) });
    case 'downstreamCosts':
      return same({ ...s, downstreamCosts: scaleItems(s.downstreamCosts, factor) });
    case 'waterVolume':
      return same(scaleWaterVolume(s, factor));
    case 'bargainingWeight': {
      const moved = weightOf(s).times(factor);
      const kept = clamp01(moved);
      return { case: { ...c, scenario: { ...s, bargainingWeight: formatDecimal(kept) } }, clamped: !kept.eq(moved), value: kept };
    }
    case 'offer': {
      const offer = c.offer === null ? null : c.offer.times(factor);
      return { case: { ...c, offer }, clamped: false, value: offer };
    }
  }
}

// ------------------------------------------------------------ measuring

/** Σ of the years that have a value; null when none has. */
function sumGiven(values: readonly (Dec | null)[]): Dec | null {
  let total: Dec | null = null;
  for (const v of values) if (v !== null) total = (total ?? ZERO).plus(v);
  return total;
}

function measuresOf(r: Result, offer: Dec | null): Measures {
  const unit = new D(r.unit);
  const slices = r.periods.map((p) => r.years.slice(p.from - r.startYear, p.to - r.startYear + 1));
  const byPeriod = (of: (y: Result['years'][number]) => Dec | null) => slices.map((years) => periodAverage(years.map(of)));
  const notStated: MeasureValues = { total: null, periods: r.periods.map(() => null) };
  const stated = r.lowerBoundStated;
  const nash = (y: Result['years'][number]) => y.suggestedPayment;
  const offerVsNash = (y: Result['years'][number]) => (offer === null || y.year < r.paymentStartYear || y.suggestedPayment === null ? null : offer.minus(y.suggestedPayment));
  let paid = ZERO;
  let volume = ZERO;
  for (const y of r.years) {
    if (y.waterVolume === null) continue;
    paid = paid.plus(y.payment);
    volume = volume.plus(y.waterVolume);
  }
  return {
    lowerBound: stated ? { total: r.totals.lowerBound, periods: r.periods.map((p) => p.lowerBound) } : notStated,
    payment: stated ? { total: r.totals.payment, periods: r.periods.map((p) => p.payment) } : notStated,
    upperBound: { total: sumGiven(r.years.map((y) => y.upperBound)), periods: r.periods.map((p) => p.upperBound) },
    nashPayment: { total: sumGiven(r.years.map(nash)), periods: byPeriod(nash) },
    pricePerM3: stated && volume.gt(0) ? { total: paid.times(unit).div(volume), periods: r.periods.map((p) => p.pricePerM3) } : notStated,
    offerVsNash: { total: sumGiven(r.years.map(offerVsNash)), periods: byPeriod(offerVsNash) },
  };
}

const subOrNull = (x: Dec | null, y: Dec | null) => (x === null || y === null ? null : x.minus(y));

function minus(a: Measures, b: Measures): Measures {
  const out = {} as Measures;
  for (const m of SENSITIVITY_MEASURES) out[m] = { total: subOrNull(a[m].total, b[m].total), periods: a[m].periods.map((v, i) => subOrNull(v, b[m].periods[i] ?? null)) };
  return out;
}

/** Groups whose α can matter: a cost or a subsidy of one of their categories exists. */
function groupsWith(items: readonly { code: Category }[]): Group[] {
  const present = new Set(items.map((i) => groupOf(i.code)));
  return GROUPS.filter((g) => present.has(g));
}

export function factorId(f: SensitivityFactor): string {
  return f.kind === 'alpha' || f.kind === 'cost' ? `${f.kind}:${f.group}` : f.kind === 'alphaAll' ? 'alpha' : f.kind;
}

/** The factors that can move something in this scenario (and offer), in the tornado's order before sorting. */
function factorsOf(s: Scenario, offer: Dec | null): SensitivityFactor[] {
  const stated = s.costs.length > 0 || s.subsidies.length > 0;
  const hasBenefits = (s.benefits?.length ?? 0) > 0;
  const out: SensitivityFactor[] = [];
  for (const group of groupsWith([...s.costs, ...s.subsidies])) out.push({ kind: 'alpha', group });
  if (stated) out.push({ kind: 'rate' });
  for (const group of groupsWith(s.costs)) out.push({ kind: 'cost', group });
  if (hasBenefits) out.push({ kind: 'benefits' });
  if ((s.downstreamCosts?.length ?? 0) > 0) out.push({ kind: 'downstreamCosts' });
  if (s.waterVolume && stated) out.push({ kind: 'waterVolume' });
  if (hasBenefits && stated) out.push({ kind: 'bargainingWeight' });
  if (offer !== null && hasBenefits && stated) out.push({ kind: 'offer' });
  return out;
}

/** The relative moves of a two-way table: −2p, −p, 0, p, 2p (a move below −100 % stops there). */
function twoWayChanges(change: Dec): Dec[] {
  const steps = [change.times(-2), change.neg(), ZERO, change, change.times(2)].map((v) => (v.lt(-1) ? new D(-1) : v));
  return steps.filter((v, i) => i === 0 || !v.eq(steps[i - 1]!));
}

/**
 * The tornado (each factor at −p and +p, the others at their values), the α × rate table and
 * the two-way table of two chosen parameters of a valid scenario.
 */
export function computeSensitivity(s: Scenario, options: SensitivityOptions = {}): SensitivityResult {
  const change = toDec(options.change ?? DEFAULT_SENSITIVITY_CHANGE);
  if (change.isNaN() || change.lt(0) || change.gt(1)) throw new RangeError(`change ${change.toString()} is not between 0 and 1`);
  const offer = options.offer === undefined || options.offer === null ? null : toDec(options.offer);
  const baseCase: Case = { scenario: s, offer };
  const baseResult = computeScenario(s);
  const measure = (c: Case) => measuresOf(computeScenario(c.scenario), c.offer);
  const base = measuresOf(baseResult, offer);
  const down = ONE.minus(change);
  const up = ONE.plus(change);
  const rate = new D(s.discountRate ?? 0);

  const outcome = (moved: Moved): FactorOutcome => {
    const measures = measure(moved.case);
    return { value: moved.value, clamped: moved.clamped, measures, delta: minus(measures, base) };
  };
  const baseValueOf = (f: SensitivityFactor): Dec | null => (f.kind === 'rate' ? rate : f.kind === 'bargainingWeight' ? weightOf(s) : f.kind === 'offer' ? offer : null);

  const tornado = factorsOf(s, offer);
  const factors: FactorSensitivity[] = tornado.map((factor) => ({
    id: factorId(factor),
    factor,
    baseValue: baseValueOf(factor),
    low: outcome(move(baseCase, factor, down)),
    high: outcome(move(baseCase, factor, up)),
  }));

  const parameters = [...(groupsWith([...s.costs, ...s.subsidies]).length > 0 ? [{ kind: 'alphaAll' } as const] : []), ...tornado].map((factor) => ({ id: factorId(factor), factor }));
  const byId = new Map(parameters.map((p) => [p.id, p.factor]));

  const alphaChanges = (options.alphaChanges ?? DEFAULT_ALPHA_CHANGES).map(toDec);
  const rates = (options.rates ?? DEFAULT_RATES).map(toDec);
  const cells = alphaChanges.map((a) => {
    const scaled = scaleAlpha(s, GROUPS, ONE.plus(a));
    return rates.map((r) => {
      const rated = withRate(scaled.scenario, r);
      return { measures: measuresOf(computeScenario(rated.scenario), offer), clamped: scaled.clamped || rated.clamped };
    });
  });

  let twoWay: TwoWayTable | null = null;
  // Default pair: α × rate where both exist (the table of before), else the first two parameters.
  const asked = options.twoWay;
  const [firstId, secondId] = byId.has('alpha') && byId.has('rate') ? ['alpha', 'rate'] : [parameters[0]?.id, parameters[1]?.id];
  const rowsId = asked && byId.has(asked.rows) ? asked.rows : firstId;
  const colsId = asked && byId.has(asked.cols) && asked.cols !== rowsId ? asked.cols : secondId !== rowsId ? secondId : parameters.find((p) => p.id !== rowsId)?.id;
  if (rowsId !== undefined && colsId !== undefined) {
    const changes = twoWayChanges(change);
    const rowFactor = byId.get(rowsId)!;
    const colFactor = byId.get(colsId)!;
    twoWay = {
      rows: { id: rowsId, changes },
      cols: { id: colsId, changes },
      cells: changes.map((rc) => {
        const row = move(baseCase, rowFactor, ONE.plus(rc));
        return changes.map((cc) => {
          const both = move(row.case, colFactor, ONE.plus(cc));
          return { measures: measure(both.case), clamped: row.clamped || both.clamped };
        });
      }),
    };
  }

  return {
    change,
    currency: s.currency,
    unit: s.unit,
    priceBase: s.priceBase,
    periods: baseResult.periods.map(({ label, from, to }) => ({ label, from, to })),
    lowerBoundStated: baseResult.lowerBoundStated,
    rate,
    bargainingWeight: weightOf(s),
    offer,
    base,
    factors,
    parameters,
    grid: { alphaChanges, rates, cells },
    twoWay,
  };
}

// ----------------------------------------------------------------- JSON

export interface MeasureValuesJson {
  total: string | null;
  periods: (string | null)[];
}
export type MeasuresJson = Record<SensitivityMeasure, MeasureValuesJson>;
export interface FactorOutcomeJson {
  value: string | null;
  clamped: boolean;
  measures: MeasuresJson;
  delta: MeasuresJson;
}
export interface CellJson {
  measures: MeasuresJson;
  clamped: boolean;
}
export interface SensitivityJson {
  change: string;
  currency: string;
  unit: number;
  priceBase: string;
  periods: { label: string; from: number; to: number }[];
  lowerBoundStated: boolean;
  rate: string;
  bargainingWeight: string;
  offer: string | null;
  base: MeasuresJson;
  factors: { id: string; factor: SensitivityFactor; baseValue: string | null; low: FactorOutcomeJson; high: FactorOutcomeJson }[];
  parameters: { id: string; factor: SensitivityFactor }[];
  grid: { alphaChanges: string[]; rates: string[]; cells: CellJson[][] };
  twoWay: { rows: { id: string; changes: string[] }; cols: { id: string; changes: string[] }; cells: CellJson[][] } | null;
}

const f = formatDecimal;
const fOrNull = (v: Dec | null) => (v === null ? null : f(v));
const valuesJson = (v: MeasureValues): MeasureValuesJson => ({ total: fOrNull(v.total), periods: v.periods.map(fOrNull) });
function measuresJson(m: Measures): MeasuresJson {
  const out = {} as MeasuresJson;
  for (const k of SENSITIVITY_MEASURES) out[k] = valuesJson(m[k]);
  return out;
}
const outcomeJson = (o: FactorOutcome): FactorOutcomeJson => ({ value: fOrNull(o.value), clamped: o.clamped, measures: measuresJson(o.measures), delta: measuresJson(o.delta) });
const cellJson = (c: { measures: Measures; clamped: boolean }): CellJson => ({ measures: measuresJson(c.measures), clamped: c.clamped });

/** The result with every decimal as its full-precision string (the engine's output policy). */
export function toSensitivityJson(r: SensitivityResult): SensitivityJson {
  return {
    change: f(r.change),
    currency: r.currency,
    unit: r.unit,
    priceBase: r.priceBase,
    periods: r.periods,
    lowerBoundStated: r.lowerBoundStated,
    rate: f(r.rate),
    bargainingWeight: f(r.bargainingWeight),
    offer: fOrNull(r.offer),
    base: measuresJson(r.base),
    factors: r.factors.map((x) => ({ id: x.id, factor: x.factor, baseValue: fOrNull(x.baseValue), low: outcomeJson(x.low), high: outcomeJson(x.high) })),
    parameters: r.parameters,
    grid: { alphaChanges: r.grid.alphaChanges.map(f), rates: r.grid.rates.map(f), cells: r.grid.cells.map((row) => row.map(cellJson)) },
    twoWay: r.twoWay && {
      rows: { id: r.twoWay.rows.id, changes: r.twoWay.rows.changes.map(f) },
      cols: { id: r.twoWay.cols.id, changes: r.twoWay.cols.changes.map(f) },
      cells: r.twoWay.cells.map((row) => row.map(cellJson)),
    },
  };
}
