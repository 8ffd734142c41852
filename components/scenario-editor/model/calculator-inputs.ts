import { sameValues, yearValue, type ValuesText } from '@/lib/engine/spans';
import { parseYearKey } from '@/lib/engine/years';
import {
  type AgriculturalOpportunityCostInput,
  type AreaTimesUnitCostInput,
  type AvoidedCostTimesVolumeInput,
  type IndustrialOpportunityCostInput,
  type PeopleTimesCompensationInput,
  type PriceTimesVolumeInput,
} from '@/lib/engine/calculators';
import type { Message } from '@/lib/engine/problem';
import type { AnyItem, ItemList } from './document';

export type CalculatorKind = 'areaTimesUnitCost' | 'peopleTimesCompensation' | 'industrialOpportunityCost' | 'agriculturalOpportunityCost' | 'priceTimesVolume' | 'avoidedCostTimesVolume';
/** The calculators of a cost or subsidy row (pes-model.md §2). */
export const CALCULATOR_KINDS: readonly CalculatorKind[] = ['areaTimesUnitCost', 'peopleTimesCompensation', 'industrialOpportunityCost', 'agriculturalOpportunityCost'];
/** The calculators of a benefit or downstream-cost row (§4): per m³ × volume, or area × unit cost. */
export const UPPER_BOUND_CALCULATOR_KINDS: readonly CalculatorKind[] = ['priceTimesVolume', 'avoidedCostTimesVolume', 'areaTimesUnitCost'];

/** The calculators a row can use: a row with a category code is a cost or subsidy, one without is on the upper-bound side. */
export function calculatorsFor(code: string | undefined): readonly CalculatorKind[] {
  return code === undefined ? UPPER_BOUND_CALCULATOR_KINDS : CALCULATOR_KINDS;
}

export type CalculatorEntry =
  | { calculator: 'areaTimesUnitCost'; input: AreaTimesUnitCostInput; appliedValues: ValuesText }
  | { calculator: 'peopleTimesCompensation'; input: PeopleTimesCompensationInput; appliedValues: ValuesText }
  | { calculator: 'industrialOpportunityCost'; input: IndustrialOpportunityCostInput; appliedValues: ValuesText }
  | { calculator: 'agriculturalOpportunityCost'; input: AgriculturalOpportunityCostInput; appliedValues: ValuesText }
  /** `note` says what was computed from which inputs, for the row's source note. */
  | { calculator: 'priceTimesVolume'; input: PriceTimesVolumeInput; appliedValues: ValuesText; note: Message }
  | { calculator: 'avoidedCostTimesVolume'; input: AvoidedCostTimesVolumeInput; appliedValues: ValuesText; note: Message };

/**
 * The calculator inputs of the rows, beside the document (pes-scenario/1 has no
 * field for them and the engine refuses unknown fields). Keyed by `rowKey`.
 */
export type CalculatorInputs = Record<string, CalculatorEntry>;

/** `costs[3]|C_f|Forest construction`: list, row index, code and label. */
export function rowKey(list: ItemList, index: number, item: { label: string; code?: string }): string {
  return `${list}[${index}]|${item.code ?? ''}|${item.label}`;
}

/** The calculator a category suggests (pes-model.md §2). */
export function defaultCalculator(code: string | undefined, benefitKind?: string): CalculatorKind {
  // A treatment cost avoided is a cost per m³ saved; the next-best supply and a willingness to pay are prices per m³.
  if (code === undefined) return benefitKind === 'avoidedTreatment' ? 'avoidedCostTimesVolume' : 'priceTimesVolume';
  if (code === 'C_m') return 'peopleTimesCompensation';
  if (code === 'C_IO') return 'industrialOpportunityCost';
  if (code === 'C_AO') return 'agriculturalOpportunityCost';
  return 'areaTimesUnitCost';
}

/**
 * Carries calculator inputs over an edit of one list: `oldIndexOf(j)` tells which
 * old row the new row j came from (undefined for a new row). Entries of rows that
 * are gone are dropped; entries of other lists are kept.
 */
export function carryCalculatorInputs(
  inputs: CalculatorInputs,
  list: ItemList,
  oldItems: readonly AnyItem[],
  newItems: readonly AnyItem[],
  oldIndexOf: (newIndex: number) => number | undefined,
): CalculatorInputs {
  const prefix = `${list}[`;
  const out: CalculatorInputs = {};
  for (const [k, v] of Object.entries(inputs)) if (!k.startsWith(prefix)) out[k] = v;
  newItems.forEach((item, j) => {
    const i = oldIndexOf(j);
    const old = i === undefined ? undefined : oldItems[i];
    if (i === undefined || !old) return;
    const entry = inputs[rowKey(list, i, old)];
    if (entry) out[rowKey(list, j, item)] = entry;
  });
  return out;
}

export const afterRemove = (removed: number) => (j: number) => (j < removed ? j : j + 1);
export const afterDuplicate = (copied: number) => (j: number) => (j <= copied ? j : j === copied + 1 ? copied : j - 1);
export const sameIndex = (j: number) => j;

/**
 * Whether a row still holds what its calculator produced, year by year: the row's keys may be
 * tidied into its periods ("2014-2020") where the calculator wrote single years.
 */
export function calculatorIsCurrent(entry: CalculatorEntry, values: ValuesText): boolean {
  if (sameValues(entry.appliedValues, values)) return true;
  const years = new Set<number>();
  for (const key of [...Object.keys(entry.appliedValues), ...Object.keys(values)]) {
    const range = parseYearKey(key);
    if (!range.ok) return false;
    for (let year = range.from; year <= range.to; year++) years.add(year);
  }
  return [...years].every((year) => {
    const a = yearValue(entry.appliedValues, year);
    const b = yearValue(values, year);
    return a === undefined || b === undefined ? a === b : sameValues({ v: a }, { v: b });
  });
}
