import { isCategory, isGroup } from '@/lib/engine/categories';
import { parseYearKey, yearKey, type YearRange } from '@/lib/engine/years';
import { pathParts } from '@/lib/domain/problem-place';
import { ITEM_LISTS, type ItemList, type ScenarioDocument } from './document';
import { itemsOf, setAlphaSpan, setItemSpan, setItemValues, setOverrideSpan, setSetting, setWaterVolumeSpan, updateItem, type SettingField } from './edits';
import type { ValuesText } from './document';

/**
 * Every editable cell is known by the place in the document it writes, written as the engine
 * writes a problem's path: the same string names it for readers (placeOf), keys its draft, and
 * says where a pasted or confirmed value goes.
 */
const key = (range: YearRange) => JSON.stringify(yearKey(range));
export const itemLabelPath = (list: ItemList, index: number) => `${list}[${index}].label`;
export const itemValuePath = (list: ItemList, index: number, range: YearRange) => `${list}[${index}].values[${key(range)}]`;
export const alphaPath = (group: string, range: YearRange) => `alpha.${group}[${key(range)}]`;
export const overridePath = (category: string, range: YearRange) => `alphaOverrides.${category}[${key(range)}]`;
export const waterVolumePath = (range: YearRange) => `waterVolume[${key(range)}]`;
export const settingPath = (field: SettingField) => field;

const SETTINGS: readonly string[] = ['name', 'currency', 'unit', 'priceBase', 'startYear', 'endYear', 'paymentStartYear', 'catchUpYears', 'discountRate', 'bargainingWeight'];

/** Writes a (checked) text at a cell's path; a path that is no cell leaves the document as it is. */
export function writeCell(doc: ScenarioDocument, path: string, text: string): ScenarioDocument {
  const parts = pathParts(path);
  const [head, second, third, fourth] = parts;
  const range = (part: unknown) => {
    const r = typeof part === 'string' ? parseYearKey(part) : null;
    return r && r.ok ? r : null;
  };
  if (parts.length === 1 && typeof head === 'string' && SETTINGS.includes(head)) return setSetting(doc, head as SettingField, text);
  if ((ITEM_LISTS as readonly unknown[]).includes(head) && typeof second === 'number') {
    const list = head as ItemList;
    if (parts.length === 3 && third === 'label') return updateItem(doc, list, second, { label: text });
    const r = range(fourth);
    if (parts.length === 4 && third === 'values' && r) return setItemSpan(doc, list, second, r.from, r.to, text);
    return doc;
  }
  const r = range(parts[parts.length - 1]);
  if (!r) return doc;
  if (head === 'alpha' && typeof second === 'string' && isGroup(second) && parts.length === 3) return setAlphaSpan(doc, second, r.from, r.to, text);
  if (head === 'alphaOverrides' && typeof second === 'string' && isCategory(second) && parts.length === 3) return setOverrideSpan(doc, second, r.from, r.to, text);
  if (head === 'waterVolume' && parts.length === 2) return setWaterVolumeSpan(doc, r.from, r.to, text);
  return doc;
}

/** The values map a values cell's path is in, and how to put a new one in its place. */
export function valuesAt(doc: ScenarioDocument, path: string): { values: ValuesText | undefined; write: (values: ValuesText) => ScenarioDocument } | null {
  const [head, second, third] = pathParts(path);
  if ((ITEM_LISTS as readonly unknown[]).includes(head) && typeof second === 'number' && third === 'values') {
    const list = head as ItemList;
    const item = itemsOf(doc, list)[second];
    return item ? { values: item.values, write: (values) => setItemValues(doc, list, second, values) } : null;
  }
  // An empty α group or volume is left out, as the cells leave it (an override stays until removed).
  const set = (field: 'alpha' | 'alphaOverrides', name: string) => (values: ValuesText) => {
    const map: Partial<Record<string, ValuesText>> = { ...(doc[field] ?? {}), [name]: values };
    if (field === 'alpha' && Object.keys(values).length === 0) delete map[name];
    return { ...doc, [field]: map };
  };
  if (head === 'alpha' && typeof second === 'string' && isGroup(second)) return { values: doc.alpha[second], write: set('alpha', second) };
  if (head === 'alphaOverrides' && typeof second === 'string' && isCategory(second)) return { values: doc.alphaOverrides?.[second], write: set('alphaOverrides', second) };
  if (head === 'waterVolume') {
    const write = (values: ValuesText): ScenarioDocument => {
      const { waterVolume: _, ...rest } = doc;
      return Object.keys(values).length ? { ...rest, waterVolume: values } : rest;
    };
    return { values: doc.waterVolume, write };
  }
  return null;
}
