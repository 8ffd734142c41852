import { CATEGORIES, GROUPS } from './categories';
import { computeScenario, type Result } from './compute';
import { ZERO, formatDecimal, type Dec } from './decimal';
import type { CostItem, LabelledItem, Scenario, ValuesMap } from './schema';
import { toYearMap, type YearRange } from './years';

/**
 * What changed between two versions of a scenario and how the outputs moved.
 *
 * Matching rule (docs/decisions/0101-engine-diff-item-matching.md): within one
 * list (costs, subsidies, benefits, downstreamCosts) an item of A matches the
 * item of B with the same code and label; when several items share code and
 * label, the k-th of A matches the k-th of B. Renaming an item therefore shows
 * as one removal plus one addition, which is what a negotiator should see.
 * Values are compared year by year, so re-keying "2003-2010" into single years
 * with the same numbers is no change.
 */

export const ITEM_LISTS = ['costs', 'subsidies', 'benefits', 'downstreamCosts'] as const;
export type ItemList = (typeof ITEM_LISTS)[number];

export interface ValueChange extends YearRange {
  /** null: the year is not given (for item values: 0). */
  before: string | null;
  after: string | null;
}

export interface ItemChange {
  list: ItemList;
  change: 'added' | 'removed' | 'changed';
  code?: string;
  label: string;
  /** Position in A and in B. */
  indexA?: number;
  indexB?: number;
  /** For changed items: the runs of years whose value differs. Added/removed: the item's values. */
  values: ValueChange[];
}

export interface AssumptionChange {
  /** e.g. "discountRate", "alpha.ED", "alphaOverrides.C_sa", "waterVolume", "periods". */
  field: string;
  before: string | null;
  after: string | null;
  /** For yearly assumptions: the years the change applies to. */
  years?: YearRange;
}

export interface Movement {
  before: string | null;
  after: string | null;
  /** after − before; null when either side is null. */
  delta: string | null;
}

export const MOVED_FIELDS = ['lowerBound', 'upperBound', 'payment', 'pricePerM3', 'backPayAnnuity'] as const;
export type MovedField = (typeof MOVED_FIELDS)[number];

export interface YearMovement {
  year: number;
  lowerBound: Movement;
  upperBound: Movement;
  payment: Movement;
  pricePerM3: Movement;
  /** The annuity included in the year's payment. */
  backPayAnnuity: Movement;
}

export interface ScenarioDiff {
  items: ItemChange[];
  assumptions: AssumptionChange[];
  outputs: {
    /** Only the years in which at least one of the outputs moved. */
    years: YearMovement[];
    /**
     * lowerBound, payment: sums over all years. upperBound: sum over the years
     * that have one (null if none). pricePerM3: Σ payment·unit / Σ volume over
     * the years with a volume, i.e. the volume-weighted average price.
     * backPayAnnuity: the scenario's annuity.
     */
    totals: Record<MovedField, Movement>;
  };
}

// ---------------------------------------------------------------- items

type AnyItem = CostItem | LabelledItem;
const itemKey = (item: AnyItem) => JSON.stringify(['code' in item ? item.code : null, item.label]);

/** Runs of years where two sparse yearly maps differ; missing compares as `missing`. */
function yearlyChanges(a: Map<number, Dec>, b: Map<number, Dec>, missing: Dec | null): ValueChange[] {
  const years = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  const runs: ValueChange[] = [];
  for (const year of years) {
    const va = a.get(year) ?? missing;
    const vb = b.get(year) ?? missing;
    if (va === vb || (va && vb && va.eq(vb))) continue;
    const before = va ? formatDecimal(va) : null;
    const after = vb ? formatDecimal(vb) : null;
    const last = runs[runs.length - 1];
    if (last && last.to === year - 1 && last.before === before && last.after === after) last.to = year;
    else runs.push({ from: year, to: year, before, after });
  }
  return runs;
}

function diffItems(list: ItemList, a: readonly AnyItem[], b: readonly AnyItem[]): ItemChange[] {
  const unmatchedB = new Map<string, number[]>();
  b.forEach((item, i) => {
    const k = itemKey(item);
    unmatchedB.set(k, [...(unmatchedB.get(k) ?? []), i]);
  });
  const describe = (item: AnyItem) => ({ ...('code' in item ? { code: item.code } : {}), label: item.label });
  const out: ItemChange[] = [];
  a.forEach((item, i) => {
    const j = unmatchedB.get(itemKey(item))?.shift();
    if (j === undefined) {
      out.push({ list, change: 'removed', ...describe(item), indexA: i, values: yearlyChanges(toYearMap(item.values), new Map(), null) });
      return;
    }
    const values = yearlyChanges(toYearMap(item.values), toYearMap(b[j]!.values), ZERO);
    if (values.length) out.push({ list, change: 'changed', ...describe(item), indexA: i, indexB: j, values });
  });
  for (const indices of unmatchedB.values()) {
    for (const j of indices) {
      const item = b[j]!;
      out.push({ list, change: 'added', ...describe(item), indexB: j, values: yearlyChanges(new Map(), toYearMap(item.values), null) });
    }
  }
  return out;
}

// ---------------------------------------------------------------- assumptions

function diffYearly(field: string, a: ValuesMap | undefined, b: ValuesMap | undefined): AssumptionChange[] {
  return yearlyChanges(toYearMap(a), toYearMap(b), null).map(({ from, to, before, after }) => ({ field, before, after, years: { from, to } }));
}

function diffAssumptions(a: Scenario, b: Scenario): AssumptionChange[] {
  const out: AssumptionChange[] = [];
  const scalar = (field: string, va: string | number | undefined, vb: string | number | undefined) => {
    if (va !== vb) out.push({ field, before: va === undefined ? null : String(va), after: vb === undefined ? null : String(vb) });
  };
  scalar('name', a.name, b.name);
  scalar('currency', a.currency, b.currency);
  scalar('unit', a.unit, b.unit);
  scalar('priceBase', a.priceBase, b.priceBase);
  scalar('startYear', a.startYear, b.startYear);
  scalar('endYear', a.endYear, b.endYear);
  scalar('paymentStartYear', a.paymentStartYear, b.paymentStartYear);
  scalar('catchUpYears', a.catchUpYears, b.catchUpYears);
  scalar('discountRate', a.discountRate, b.discountRate);
  scalar('bargainingWeight', a.bargainingWeight, b.bargainingWeight);
  const periods = (s: Scenario) => (s.periods ? s.periods.map((p) => `${p.label} ${p.from}-${p.to}`).join('; ') : undefined);
  scalar('periods', periods(a), periods(b));
  for (const g of GROUPS) out.push(...diffYearly(`alpha.${g}`, a.alpha[g], b.alpha[g]));
  for (const c of CATEGORIES) out.push(...diffYearly(`alphaOverrides.${c}`, a.alphaOverrides[c], b.alphaOverrides[c]));
  out.push(...diffYearly('waterVolume', a.waterVolume, b.waterVolume));
  return out;
}

// ---------------------------------------------------------------- outputs

function movement(before: Dec | null | undefined, after: Dec | null | undefined): Movement {
  const b = before ?? null;
  const a = after ?? null;
  return {
    before: b && formatDecimal(b),
    after: a && formatDecimal(a),
    delta: a && b ? formatDecimal(a.minus(b)) : null,
  };
}

const moved = (m: Movement) => m.before !== m.after;

function outputTotals(r: Result): Record<MovedField, Dec | null> {
  let lowerBound = ZERO;
  let payment = ZERO;
  let upperBound: Dec | null = null;
  let paidForVolume = ZERO;
  let volume = ZERO;
  for (const y of r.years) {
    lowerBound = lowerBound.plus(y.lowerBound);
    payment = payment.plus(y.payment);
    if (y.upperBound) upperBound = (upperBound ?? ZERO).plus(y.upperBound);
    if (y.waterVolume) {
      paidForVolume = paidForVolume.plus(y.payment);
      volume = volume.plus(y.waterVolume);
    }
  }
  return {
    lowerBound,
    upperBound,
    payment,
    pricePerM3: volume.isZero() ? null : paidForVolume.times(r.unit).div(volume),
    backPayAnnuity: r.backPayAnnuity,
  };
}

function diffOutputs(ra: Result, rb: Result): ScenarioDiff['outputs'] {
  const first = Math.min(ra.startYear, rb.startYear);
  const last = Math.max(ra.endYear, rb.endYear);
  const years: YearMovement[] = [];
  for (let year = first; year <= last; year++) {
    const ya = ra.years[year - ra.startYear];
    const yb = rb.years[year - rb.startYear];
    const m: YearMovement = {
      year,
      lowerBound: movement(ya?.lowerBound, yb?.lowerBound),
      upperBound: movement(ya?.upperBound, yb?.upperBound),
      payment: movement(ya?.payment, yb?.payment),
      pricePerM3: movement(ya?.pricePerM3, yb?.pricePerM3),
      backPayAnnuity: movement(ya?.backPay, yb?.backPay),
    };
    if (MOVED_FIELDS.some((f) => moved(m[f]))) years.push(m);
  }
  const ta = outputTotals(ra);
  const tb = outputTotals(rb);
  const totals = {} as Record<MovedField, Movement>;
  for (const f of MOVED_FIELDS) totals[f] = movement(ta[f], tb[f]);
  return { years, totals };
}

/** Pass precomputed results to compare many versions without recomputing the common one. */
export function diffScenarios(a: Scenario, b: Scenario, computed?: { a?: Result; b?: Result }): ScenarioDiff {
  const items: ItemChange[] = [];
  for (const list of ITEM_LISTS) items.push(...diffItems(list, a[list] ?? [], b[list] ?? []));
  return {
    items,
    assumptions: diffAssumptions(a, b),
    outputs: diffOutputs(computed?.a ?? computeScenario(a), computed?.b ?? computeScenario(b)),
  };
}
