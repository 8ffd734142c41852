import { CATEGORIES, isCategory, type Category, type Group } from '@/lib/engine/categories';
import { periodSpans, setSpan, sortedByYear, type ValuesText } from '@/lib/engine/spans';
import type { BenefitKind } from '@/lib/engine/schema';
import { hasCode, type AnyItem, type EditorCostItem, type EditorLabelledItem, type ItemList, type ScenarioDocument } from './document';

/**
 * The editor's changes to a document, each a pure function from the document before to the
 * document after (React state holds the result). Values over year spans are written through the
 * engine's span algebra (lib/engine/spans.ts), tidied within the scenario's periods.
 */

export function itemsOf(doc: ScenarioDocument, list: ItemList): AnyItem[] {
  return (doc[list] as AnyItem[] | undefined) ?? [];
}

function withItems(doc: ScenarioDocument, list: ItemList, items: AnyItem[]): ScenarioDocument {
  return { ...doc, [list]: items };
}

export function updateItem(doc: ScenarioDocument, list: ItemList, index: number, patch: Partial<EditorCostItem>): ScenarioDocument {
  const items = itemsOf(doc, list).slice();
  const item = items[index];
  if (!item) return doc;
  items[index] = { ...item, ...patch };
  return withItems(doc, list, items);
}

export function setItemSpan(doc: ScenarioDocument, list: ItemList, index: number, from: number, to: number, text: string): ScenarioDocument {
  const item = itemsOf(doc, list)[index];
  if (!item) return doc;
  return updateItem(doc, list, index, { values: setSpan(item.values, from, to, text, periodSpans(doc)) });
}

export function setItemValues(doc: ScenarioDocument, list: ItemList, index: number, values: ValuesText): ScenarioDocument {
  return updateItem(doc, list, index, { values: sortedByYear(values) });
}

/** Appends an empty item (a cost list needs a category; the label is the caller's, e.g. a localised "New item"). */
export function addItem(doc: ScenarioDocument, list: ItemList, label: string, code?: Category): ScenarioDocument {
  const item: AnyItem = hasCode(list) ? { code: code ?? 'C_f', label, values: {} } : { label, values: {} };
  return withItems(doc, list, [...itemsOf(doc, list), item]);
}

/**
 * What a benefit row measures. `undefined` ("not specified") leaves `kind` out of the item, so a
 * row nobody typed a kind for reads as every document before the extension did.
 */
export function setBenefitKind(doc: ScenarioDocument, index: number, kind: BenefitKind | undefined): ScenarioDocument {
  const items = itemsOf(doc, 'benefits').slice();
  const item = items[index];
  if (!item) return doc;
  const { kind: _old, ...rest } = item as EditorLabelledItem;
  items[index] = kind === undefined ? rest : { kind, ...rest };
  return withItems(doc, 'benefits', items);
}

export function removeItem(doc: ScenarioDocument, list: ItemList, index: number): ScenarioDocument {
  const items = itemsOf(doc, list);
  if (index < 0 || index >= items.length) return doc;
  return withItems(
    doc,
    list,
    items.filter((_, i) => i !== index),
  );
}

/** Inserts a copy of the item right after it. */
export function duplicateItem(doc: ScenarioDocument, list: ItemList, index: number, labelOf: (label: string) => string = (l) => l): ScenarioDocument {
  const items = itemsOf(doc, list);
  const item = items[index];
  if (!item) return doc;
  const copy = { ...item, label: labelOf(item.label), values: { ...item.values } };
  return withItems(doc, list, [...items.slice(0, index + 1), copy, ...items.slice(index + 1)]);
}

export function setAlphaSpan(doc: ScenarioDocument, group: Group, from: number, to: number, text: string): ScenarioDocument {
  const next = setSpan(doc.alpha[group], from, to, text, periodSpans(doc));
  const alpha = { ...doc.alpha };
  if (Object.keys(next).length === 0) delete alpha[group];
  else alpha[group] = next;
  return { ...doc, alpha };
}

/** An override with no years left stays (empty) until removed, so the row does not vanish while typing. */
export function setOverrideSpan(doc: ScenarioDocument, category: Category, from: number, to: number, text: string): ScenarioDocument {
  const overrides = { ...(doc.alphaOverrides ?? {}) };
  overrides[category] = setSpan(overrides[category], from, to, text, periodSpans(doc));
  return { ...doc, alphaOverrides: overrides };
}

export function addOverride(doc: ScenarioDocument, category: Category): ScenarioDocument {
  if (doc.alphaOverrides?.[category]) return doc;
  return { ...doc, alphaOverrides: sortOverrides({ ...(doc.alphaOverrides ?? {}), [category]: {} }) };
}

export function removeOverride(doc: ScenarioDocument, category: string): ScenarioDocument {
  const overrides = { ...(doc.alphaOverrides ?? {}) };
  delete overrides[category];
  return { ...doc, alphaOverrides: overrides };
}

function sortOverrides(o: Partial<Record<string, ValuesText>>): Partial<Record<string, ValuesText>> {
  const known = CATEGORIES.filter((c) => o[c] !== undefined).map((c) => [c, o[c]] as const);
  const other = Object.entries(o).filter(([k]) => !isCategory(k));
  return Object.fromEntries([...known, ...other]);
}

export function setWaterVolumeSpan(doc: ScenarioDocument, from: number, to: number, text: string): ScenarioDocument {
  const next = setSpan(doc.waterVolume, from, to, text, periodSpans(doc));
  const out: ScenarioDocument = { ...doc, waterVolume: next };
  if (Object.keys(next).length === 0) delete out.waterVolume;
  return out;
}

export type SettingField = 'name' | 'currency' | 'unit' | 'priceBase' | 'startYear' | 'endYear' | 'paymentStartYear' | 'catchUpYears' | 'discountRate' | 'bargainingWeight';
const INTEGER_FIELDS: readonly SettingField[] = ['startYear', 'endYear', 'paymentStartYear', 'catchUpYears'];
const OPTIONAL_FIELDS: readonly SettingField[] = ['paymentStartYear', 'catchUpYears', 'discountRate', 'bargainingWeight'];

/** Sets a scalar field from its (already checked) text; a blank optional field is removed. */
export function setSetting(doc: ScenarioDocument, field: SettingField, text: string): ScenarioDocument {
  const trimmed = text.trim();
  const out: Record<string, unknown> = { ...doc };
  if (trimmed === '' && OPTIONAL_FIELDS.includes(field)) delete out[field];
  else if (INTEGER_FIELDS.includes(field) && /^-?\d+$/.test(trimmed)) out[field] = Number(trimmed);
  else out[field] = field === 'name' || field === 'currency' || field === 'priceBase' ? text : trimmed;
  return out as unknown as ScenarioDocument;
}
