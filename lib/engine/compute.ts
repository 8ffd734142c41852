import { CATEGORIES, DIRECT_GROUPS, GROUPS, OPPORTUNITY_GROUPS, groupOf, type Category, type Group } from './categories';
import { D, ONE, ZERO, formatDecimal, type Dec } from './decimal';
import type { Scenario } from './schema';
import { nashSplit } from './negotiation';
import { periodAverage } from './period-average';
import { addInto, fillInto, formatRange, type YearRange } from './years';

/**
 * The calculation of pes-model.md §2–4, year by year, on a validated scenario.
 * Every amount is a Decimal of the engine's clone from input to output.
 */

export const RESULT_FORMAT = 'pes-result/1';
export const DEFAULT_BARGAINING_WEIGHT = '0.5';

/**
 * A scenario turned into yearly arrays once (index 0 = startYear), so the
 * year loop never re-reads a values map. Items are summed per category here:
 * everything downstream of this point only needs category totals.
 */
export interface CompiledScenario {
  firstYear: number;
  years: number;
  cost: Map<Category, Dec[]>;
  subsidy: Map<Category, Dec[]>;
  /** α per group; a missing group or year is 0. */
  alpha: Record<Group, Dec[]>;
  /** α override per category; undefined where the group's α applies. */
  alphaOverride: Map<Category, (Dec | undefined)[]>;
  benefits: Dec[];
  /** Whether any benefit item gives a value for the year (an explicit 0 counts). */
  benefitGiven: boolean[];
  downstreamCosts: Dec[];
  waterVolume: (Dec | undefined)[];
}

const zeros = (n: number): Dec[] => new Array<Dec>(n).fill(ZERO);

function byCategory(items: Scenario['costs'], firstYear: number, n: number): Map<Category, Dec[]> {
  const out = new Map<Category, Dec[]>();
  for (const item of items) {
    let series = out.get(item.code);
    if (!series) out.set(item.code, (series = zeros(n)));
    addInto(series, firstYear, item.values);
  }
  return out;
}

export function compileScenario(s: Scenario): CompiledScenario {
  const firstYear = s.startYear;
  const n = s.endYear - s.startYear + 1;
  const alpha = {} as Record<Group, Dec[]>;
  for (const g of GROUPS) {
    alpha[g] = zeros(n);
    const values = s.alpha[g];
    if (values) addInto(alpha[g], firstYear, values);
  }
  const alphaOverride = new Map<Category, (Dec | undefined)[]>();
  for (const c of CATEGORIES) {
    const values = s.alphaOverrides[c];
    if (!values) continue;
    const series = new Array<Dec | undefined>(n).fill(undefined);
    fillInto(series, firstYear, values);
    alphaOverride.set(c, series);
  }
  const benefits = zeros(n);
  const benefitGiven = new Array<boolean>(n).fill(false);
  for (const item of s.benefits ?? []) {
    addInto(benefits, firstYear, item.values);
    const given = new Array<Dec | undefined>(n).fill(undefined);
    fillInto(given, firstYear, item.values);
    given.forEach((v, i) => {
      if (v) benefitGiven[i] = true;
    });
  }
  const downstreamCosts = zeros(n);
  for (const item of s.downstreamCosts ?? []) addInto(downstreamCosts, firstYear, item.values);
  const waterVolume = new Array<Dec | undefined>(n).fill(undefined);
  if (s.waterVolume) fillInto(waterVolume, firstYear, s.waterVolume);
  return {
    firstYear,
    years: n,
    cost: byCategory(s.costs, firstYear, n),
    subsidy: byCategory(s.subsidies, firstYear, n),
    alpha,
    alphaOverride,
    benefits,
    benefitGiven,
    downstreamCosts,
    waterVolume,
  };
}

export interface GroupBreakdown {
  /** Gross cost of the group's categories (C_g). */
  cost: Dec;
  /** National subsidies booked against the group (I_g). */
  subsidy: Dec;
  /** Σ over the group's categories of (C_c − I_c)·α_c. */
  internalEffect: Dec;
}

export interface CategoryBreakdown {
  cost: Dec;
  subsidy: Dec;
  alpha: Dec;
  alphaSource: 'group' | 'override';
  internalEffect: Dec;
}

export interface YearResult {
  year: number;
  /** C_D, eq. 2. */
  directCost: Dec;
  /** C_O = C_IO + C_AO. */
  opportunityCost: Dec;
  /** I_N, all national subsidies. */
  subsidies: Dec;
  /** E_E, eq. 7. */
  internalEffect: Dec;
  /** A_PES, eq. 1. */
  lowerBound: Dec;
  /** Σ benefits, null where no benefit is given. */
  benefits: Dec | null;
  downstreamCosts: Dec;
  upperBound: Dec | null;
  /** The back-pay annuity included in this year's payment (0 outside the catch-up years). */
  backPay: Dec;
  payment: Dec;
  waterVolume: Dec | null;
  pricePerM3: Dec | null;
  suggestedPayment: Dec | null;
  feasible: boolean | null;
  byGroup: Record<Group, GroupBreakdown>;
  /** Only the categories that have a cost or a subsidy in the scenario. */
  byCategory: Partial<Record<Category, CategoryBreakdown>>;
}

export interface BackPay {
  /** The years whose lower bound is carried forward (t = 1 … T), null without back-pay. */
  backPayYears: YearRange | null;
  /** The years that carry the annuity (T0 years from paymentStartYear), null without back-pay. */
  catchUpYears: YearRange | null;
  T: number;
  T0: number;
  rate: Dec;
  /** Σ_{t=1..T} C_t (1+i)^(T−t+1). */
  carriedForward: Dec;
  /** i(1+i)^T0 / ((1+i)^T0 − 1), or 1/T0 at rate 0. */
  annuityFactor: Dec;
  annuity: Dec;
}

export interface PeriodResult extends YearRange {
  label: string;
  lowerBound: Dec;
  upperBound: Dec | null;
  payment: Dec;
  pricePerM3: Dec | null;
}

export interface Totals {
  directCost: Dec;
  opportunityCost: Dec;
  subsidies: Dec;
  internalEffect: Dec;
  lowerBound: Dec;
  payment: Dec;
}

export interface Result {
  /**
   * False for a scenario with no cost or subsidy item: one side's own scenario that states only
   * the upper bound (docs/scenario-format-extensions.md). Its lower bound, payment and the
   * figures built on them are then 0 here and null (not stated) in pes-result/1.
   */
  lowerBoundStated: boolean;
  name: string;
  currency: string;
  unit: number;
  priceBase: string;
  startYear: number;
  endYear: number;
  paymentStartYear: number;
  bargainingWeight: Dec;
  years: YearResult[];
  backPay: BackPay;
  backPayAnnuity: Dec;
  periods: PeriodResult[];
  /** True when the scenario gave no periods and the whole range was used. */
  defaultPeriod: boolean;
  totals: Totals;
}

function emptyGroups(): Record<Group, GroupBreakdown> {
  const out = {} as Record<Group, GroupBreakdown>;
  for (const g of GROUPS) out[g] = { cost: ZERO, subsidy: ZERO, internalEffect: ZERO };
  return out;
}

/** Direct cost, opportunity cost, subsidies, internal effect and lower bound of one year. */
function lowerBoundOfYear(c: CompiledScenario, i: number) {
  const byGroup = emptyGroups();
  const byCat: Partial<Record<Category, CategoryBreakdown>> = {};
  for (const code of CATEGORIES) {
    const cost = c.cost.get(code)?.[i];
    const subsidy = c.subsidy.get(code)?.[i];
    if (cost === undefined && subsidy === undefined) continue;
    const g = groupOf(code);
    const override = c.alphaOverride.get(code)?.[i];
    const alpha = override ?? (c.alpha[g][i] as Dec);
    const costV = cost ?? ZERO;
    const subsidyV = subsidy ?? ZERO;
    // α per category, so an override only touches its own category (eq. 7 with overrides).
    const internalEffect = alpha.isZero() ? ZERO : costV.minus(subsidyV).times(alpha);
    byCat[code] = { cost: costV, subsidy: subsidyV, alpha, alphaSource: override ? 'override' : 'group', internalEffect };
    const bg = byGroup[g];
    bg.cost = bg.cost.plus(costV);
    bg.subsidy = bg.subsidy.plus(subsidyV);
    bg.internalEffect = bg.internalEffect.plus(internalEffect);
  }
  let directCost = ZERO;
  for (const g of DIRECT_GROUPS) directCost = directCost.plus(byGroup[g].cost);
  let opportunityCost = ZERO;
  for (const g of OPPORTUNITY_GROUPS) opportunityCost = opportunityCost.plus(byGroup[g].cost);
  let subsidies = ZERO;
  let internalEffect = ZERO;
  for (const g of GROUPS) {
    subsidies = subsidies.plus(byGroup[g].subsidy);
    internalEffect = internalEffect.plus(byGroup[g].internalEffect);
  }
  const lowerBound = directCost.plus(opportunityCost).minus(subsidies).minus(internalEffect);
  return { directCost, opportunityCost, subsidies, internalEffect, lowerBound, byGroup, byCategory: byCat };
}

/**
 * Eq. 8 exactly as printed: the exponent T−t+1 compounds even the last
 * back-pay year once, C_t is the lower bound of the t-th year before payments
 * start, t = 1 the earliest.
 */
export function backPayAnnuity(lowerBounds: readonly Dec[], rate: Dec, catchUpYears: number): { carriedForward: Dec; annuityFactor: Dec; annuity: Dec } {
  if (lowerBounds.length === 0 || catchUpYears < 1) return { carriedForward: ZERO, annuityFactor: ZERO, annuity: ZERO };
  const q = ONE.plus(rate);
  // Horner form of Σ C_t q^(T−t+1): one multiplication per year instead of a power.
  let carriedForward = ZERO;
  for (const c of lowerBounds) carriedForward = carriedForward.plus(c).times(q);
  if (rate.isZero()) {
    return { carriedForward, annuityFactor: ONE.div(catchUpYears), annuity: carriedForward.div(catchUpYears) };
  }
  const qT0 = q.pow(catchUpYears);
  const annuityFactor = rate.times(qT0).div(qT0.minus(1));
  return { carriedForward, annuityFactor, annuity: annuityFactor.times(carriedForward) };
}

export function computeScenario(s: Scenario): Result {
  return computeCompiled(s, compileScenario(s));
}

export function computeCompiled(s: Scenario, c: CompiledScenario): Result {
  const paymentStartYear = s.paymentStartYear ?? s.startYear;
  const T = paymentStartYear - s.startYear;
  const T0 = T > 0 ? (s.catchUpYears ?? 0) : 0;
  const rate = new D(s.discountRate ?? 0);
  const w = new D(s.bargainingWeight ?? DEFAULT_BARGAINING_WEIGHT);
  const unit = new D(s.unit);

  const lowerBoundStated = s.costs.length > 0 || s.subsidies.length > 0;
  const partial = [];
  for (let i = 0; i < c.years; i++) partial.push(lowerBoundOfYear(c, i));
  const annuity = backPayAnnuity(
    partial.slice(0, T).map((p) => p.lowerBound),
    rate,
    T0,
  );
  const catchUpEnd = paymentStartYear + T0 - 1;

  const years: YearResult[] = partial.map((p, i) => {
    const year = c.firstYear + i;
    const backPay = T0 > 0 && year >= paymentStartYear && year <= catchUpEnd ? annuity.annuity : ZERO;
    const payment = year < paymentStartYear ? ZERO : p.lowerBound.plus(backPay);
    const volume = c.waterVolume[i] ?? null;
    const upperBound = c.benefitGiven[i] ? (c.benefits[i] as Dec).minus(c.downstreamCosts[i] as Dec) : null;
    return {
      year,
      ...p,
      benefits: c.benefitGiven[i] ? (c.benefits[i] as Dec) : null,
      downstreamCosts: c.downstreamCosts[i] as Dec,
      upperBound,
      backPay,
      payment,
      waterVolume: volume,
      pricePerM3: volume ? payment.times(unit).div(volume) : null,
      suggestedPayment: upperBound && lowerBoundStated ? nashSplit(p.lowerBound, upperBound, w) : null,
      feasible: upperBound && lowerBoundStated ? p.lowerBound.lte(upperBound) : null,
    };
  });

  // No periods given: one period over the whole range (docs/decisions/0100-engine-default-periods.md).
  const defaultPeriod = !s.periods || s.periods.length === 0;
  const periodList = defaultPeriod ? [{ label: formatRange({ from: s.startYear, to: s.endYear }), from: s.startYear, to: s.endYear }] : s.periods!;
  const periods = periodList.map((p) => {
    const slice = years.slice(p.from - c.firstYear, p.to - c.firstYear + 1);
    return {
      label: p.label,
      from: p.from,
      to: p.to,
      lowerBound: periodAverage(slice.map((y) => y.lowerBound)) ?? ZERO,
      upperBound: periodAverage(slice.map((y) => y.upperBound)),
      payment: periodAverage(slice.map((y) => y.payment)) ?? ZERO,
      pricePerM3: periodAverage(slice.map((y) => y.pricePerM3)),
    };
  });

  const totals: Totals = { directCost: ZERO, opportunityCost: ZERO, subsidies: ZERO, internalEffect: ZERO, lowerBound: ZERO, payment: ZERO };
  for (const y of years) for (const k of Object.keys(totals) as (keyof Totals)[]) totals[k] = totals[k].plus(y[k]);

  return {
    lowerBoundStated,
    name: s.name,
    currency: s.currency,
    unit: s.unit,
    priceBase: s.priceBase,
    startYear: s.startYear,
    endYear: s.endYear,
    paymentStartYear,
    bargainingWeight: w,
    years,
    backPay: {
      backPayYears: T > 0 ? { from: s.startYear, to: paymentStartYear - 1 } : null,
      catchUpYears: T0 > 0 ? { from: paymentStartYear, to: catchUpEnd } : null,
      T,
      T0,
      rate,
      ...annuity,
    },
    backPayAnnuity: annuity.annuity,
    periods,
    defaultPeriod,
    totals,
  };
}

// ---------------------------------------------------------------- output

export interface YearJson {
  year: number;
  directCost: string;
  opportunityCost: string;
  subsidies: string;
  internalEffect: string;
  lowerBound: string;
  upperBound: string | null;
  payment: string;
  pricePerM3: string | null;
  suggestedPayment: string | null;
  feasible: boolean | null;
}

/** A pes-result/1 of a scenario that states its lower bound (every document before the extension). */
export interface ResultJson {
  format: typeof RESULT_FORMAT;
  currency: string;
  unit: number;
  backPayAnnuity: string;
  years: YearJson[];
  periods: { label: string; from: number; to: number; lowerBound: string; upperBound: string | null; payment: string; pricePerM3: string | null }[];
  totals: Record<keyof Totals, string>;
}

const f = formatDecimal;
const fOrNull = (v: Dec | null) => (v === null ? null : formatDecimal(v));

export const YEAR_FIELDS = [
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
] as const satisfies readonly (keyof YearJson)[];

function yearJson(y: YearResult): YearJson {
  return {
    year: y.year,
    directCost: f(y.directCost),
    opportunityCost: f(y.opportunityCost),
    subsidies: f(y.subsidies),
    internalEffect: f(y.internalEffect),
    lowerBound: f(y.lowerBound),
    upperBound: fOrNull(y.upperBound),
    payment: f(y.payment),
    pricePerM3: fOrNull(y.pricePerM3),
    suggestedPayment: fOrNull(y.suggestedPayment),
    feasible: y.feasible,
  };
}

/** The fields of pes-result/1 that follow from the lower bound: null where it is not stated. */
type FromLowerBound = 'lowerBound' | 'payment' | 'pricePerM3' | 'suggestedPayment' | 'feasible';
type NotStated<T, K extends keyof T> = Omit<T, K> & { [P in K]: null };

/**
 * The pes-result/1 of a scenario that states only the upper bound (a side's own scenario without
 * costs): `lowerBoundStated: false`, and the lower bound and everything computed from it null —
 * "not stated", never 0 (docs/scenario-format-extensions.md).
 */
export interface UpperBoundOnlyResultJson extends Omit<ResultJson, 'backPayAnnuity' | 'years' | 'periods' | 'totals'> {
  lowerBoundStated: false;
  backPayAnnuity: null;
  years: NotStated<YearJson, FromLowerBound>[];
  periods: NotStated<ResultJson['periods'][number], 'lowerBound' | 'payment' | 'pricePerM3'>[];
  totals: NotStated<ResultJson['totals'], 'lowerBound' | 'payment'>;
}

export type AnyResultJson = ResultJson | UpperBoundOnlyResultJson;

/** Whether a stored pes-result/1 states its lower bound (absent marker = stated, as before the extension). */
export function statesLowerBound(r: AnyResultJson): r is ResultJson {
  return !('lowerBoundStated' in r) || r.lowerBoundStated !== false;
}

function upperBoundOnlyJson(stated: ResultJson): UpperBoundOnlyResultJson {
  return {
    format: stated.format,
    lowerBoundStated: false,
    currency: stated.currency,
    unit: stated.unit,
    backPayAnnuity: null,
    years: stated.years.map((y) => ({ ...y, lowerBound: null, payment: null, pricePerM3: null, suggestedPayment: null, feasible: null })),
    periods: stated.periods.map((p) => ({ ...p, lowerBound: null, payment: null, pricePerM3: null })),
    totals: { ...stated.totals, lowerBound: null, payment: null },
  };
}

/** The `pes-result/1` object of scenario-format.md, nothing more (the breakdowns stay in Result). */
export function toResultJson(r: Result): AnyResultJson {
  const stated = statedResultJson(r);
  return r.lowerBoundStated ? stated : upperBoundOnlyJson(stated);
}

/** pes-result/1 of a result that states its lower bound; for one that does not, a caller's bug. */
export function toStatedResultJson(r: Result): ResultJson {
  if (!r.lowerBoundStated) throw new Error('the scenario states no lower bound');
  return statedResultJson(r);
}

function statedResultJson(r: Result): ResultJson {
  return {
    format: RESULT_FORMAT,
    currency: r.currency,
    unit: r.unit,
    backPayAnnuity: f(r.backPayAnnuity),
    years: r.years.map(yearJson),
    periods: r.periods.map((p) => ({
      label: p.label,
      from: p.from,
      to: p.to,
      lowerBound: f(p.lowerBound),
      upperBound: fOrNull(p.upperBound),
      payment: f(p.payment),
      pricePerM3: fOrNull(p.pricePerM3),
    })),
    totals: {
      directCost: f(r.totals.directCost),
      opportunityCost: f(r.totals.opportunityCost),
      subsidies: f(r.totals.subsidies),
      internalEffect: f(r.totals.internalEffect),
      lowerBound: f(r.totals.lowerBound),
      payment: f(r.totals.payment),
    },
  };
}

/** The years of a result as CSV (same strings as the JSON; empty cell for null). */
export function toResultCsv(r: Result): string {
  const lines = [['year', ...YEAR_FIELDS].join(',')];
  for (const y of toResultJson(r).years) lines.push([y.year, ...YEAR_FIELDS.map((k) => y[k] ?? '')].join(','));
  return lines.join('\n') + '\n';
}
