import type { ValuesText } from '@/lib/engine/spans';

/**
 * The shape of a `pes-scenario/1` document as the editor holds it in memory. Every amount stays
 * a decimal string in the document and a Decimal in arithmetic; never a JS number.
 */

export type { ValuesText };

export interface EditorCostItem {
  code: string;
  label: string;
  values: ValuesText;
}

export interface EditorLabelledItem {
  /** What a benefit row measures (docs/scenario-format-extensions.md §2); absent = not specified. */
  kind?: string;
  label: string;
  values: ValuesText;
}

export interface EditorPeriod {
  label: string;
  from: number;
  to: number;
}

/**
 * A `pes-scenario/1` document as edited in memory. Looser than the engine's
 * output type on purpose: while a user types, a document may be invalid, and
 * the engine's `parseScenario` reports what is wrong with it.
 */
export interface ScenarioDocument {
  format: string;
  name: string;
  currency: string;
  unit: number | string;
  priceBase: string;
  startYear: number;
  endYear: number;
  paymentStartYear?: number;
  catchUpYears?: number;
  discountRate?: string;
  bargainingWeight?: string;
  periods?: EditorPeriod[];
  costs: EditorCostItem[];
  subsidies?: EditorCostItem[];
  alpha: Partial<Record<string, ValuesText>>;
  alphaOverrides?: Partial<Record<string, ValuesText>>;
  benefits?: EditorLabelledItem[];
  downstreamCosts?: EditorLabelledItem[];
  waterVolume?: ValuesText;
}

export type CostList = 'costs' | 'subsidies';
export type LabelledList = 'benefits' | 'downstreamCosts';
export type ItemList = CostList | LabelledList;
export const ITEM_LISTS: readonly ItemList[] = ['costs', 'subsidies', 'benefits', 'downstreamCosts'];

export const hasCode = (list: ItemList): list is CostList => list === 'costs' || list === 'subsidies';

export type AnyItem = EditorCostItem | EditorLabelledItem;
