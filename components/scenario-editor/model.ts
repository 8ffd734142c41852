import {
  CATEGORIES,
  GROUPS,
  ZERO,
  D,
  groupOf,
  isCategory,
  message,
  parseDecimal,
  parseYearKey,
  yearKey,
  type AgriculturalOpportunityCostInput,
  type AreaTimesUnitCostInput,
  type Category,
  type Dec,
  type Group,
  type IndustrialOpportunityCostInput,
  type Message,
  type PeopleTimesCompensationInput,
  type Result,
} from '@/lib/engine';

/**
 * Pure helpers of the scenario editor: reading and writing a `pes-scenario/1`
 * document in memory. No React, no DOM, so they are unit-tested on their own
 * (tests/unit/scenario-editor-model.test.ts). Every amount stays a decimal
 * string in the document and a Decimal in arithmetic; never a JS number.
 */

// ------------------------------------------------------------------ types

/** A values map as the editor keeps it: year key → decimal text. */
export type ValuesText = Record<string, string>;

export interface EditorCostItem {
  code: string;
  label: string;
  values: ValuesText;
}

export interface EditorLabelledItem {
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

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

function valuesText(v: unknown): ValuesText {
  if (!isRecord(v)) return {};
  const out: ValuesText = {};
  for (const [k, x] of Object.entries(v)) out[k] = typeof x === 'string' ? x : String(x);
  return out;
}

/**
 * A raw document (e.g. `shiyanDocument()` or an upload) in the editor's shape:
 * JSON numbers in values maps become decimal text. Other fields are kept as they
 * are, so that the engine still reports whatever is wrong with them.
 */
export function toScenarioDocument(json: unknown): ScenarioDocument {
  const raw: Loose = isRecord(json) ? structuredClone(json) : {};
  const items = (list: unknown) =>
    Array.isArray(list) ? list.map((item) => (isRecord(item) ? { ...item, values: valuesText(item.values) } : item)) : list;
  const byKey = (m: unknown) => (isRecord(m) ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, valuesText(v)])) : m);
  const num = (v: unknown) => (typeof v === 'number' ? String(v) : v);
  const doc: Loose = { ...raw, costs: items(raw.costs) ?? [], alpha: byKey(raw.alpha) ?? {} };
  for (const list of ['subsidies', 'benefits', 'downstreamCosts'] as const) if (raw[list] !== undefined) doc[list] = items(raw[list]);
  if (raw.alphaOverrides !== undefined) doc.alphaOverrides = byKey(raw.alphaOverrides);
  if (raw.waterVolume !== undefined) doc.waterVolume = valuesText(raw.waterVolume);
  for (const f of ['discountRate', 'bargainingWeight'] as const) if (raw[f] !== undefined) doc[f] = num(raw[f]);
  return doc as unknown as ScenarioDocument;
}

// ------------------------------------------------------------------ columns

/** A column of the editor: a period (values fill its years) or one year. */
export interface Span {
  id: string;
  label: string;
  from: number;
  to: number;
}

/** More year columns than this are not offered (a document with a typo in endYear). */
export const MAX_YEAR_COLUMNS = 200;

const isYear = (v: unknown): v is number => Number.isInteger(v);

/** The scenario's periods, or one period over the whole range when none are given (as the engine does). */
export function periodSpans(doc: Pick<ScenarioDocument, 'periods' | 'startYear' | 'endYear'>): Span[] {
  if (Array.isArray(doc.periods) && doc.periods.length > 0) {
    return doc.periods
      .filter((p) => isYear(p.from) && isYear(p.to) && p.from <= p.to)
      .map((p) => ({ id: yearKey(p), label: p.label, from: p.from, to: p.to }));
  }
  if (!isYear(doc.startYear) || !isYear(doc.endYear) || doc.endYear < doc.startYear) return [];
  const range = { from: doc.startYear, to: doc.endYear };
  return [{ id: yearKey(range), label: `${range.from}–${range.to}`, ...range }];
}

export function yearSpans(doc: Pick<ScenarioDocument, 'startYear' | 'endYear'>): Span[] {
  if (!isYear(doc.startYear) || !isYear(doc.endYear) || doc.endYear < doc.startYear) return [];
  const out: Span[] = [];
  for (let y = doc.startYear; y <= Math.min(doc.endYear, doc.startYear + MAX_YEAR_COLUMNS - 1); y++) out.push({ id: String(y), label: String(y), from: y, to: y });
  return out;
}

// ------------------------------------------------------------------ reading a span

export type SpanValue =
  /** No year of the span is given (0, or "not given" for α overrides and volumes). */
  | { kind: 'empty' }
  /** Every year of the span holds the same value. */
  | { kind: 'uniform'; value: string }
  /** The years differ (or only some are given); `average` is the annual average, missing years as 0. */
  | { kind: 'mixed'; average: Dec };

interface Overlap {
  from: number;
  to: number;
  value: Dec | null;
  text: string;
}

function overlaps(values: ValuesText, from: number, to: number): Overlap[] {
  const out: Overlap[] = [];
  for (const [key, text] of Object.entries(values)) {
    const r = parseYearKey(key);
    if (!r.ok || r.to < from || r.from > to) continue;
    const parsed = parseDecimal(text);
    out.push({ from: Math.max(r.from, from), to: Math.min(r.to, to), value: parsed.ok ? parsed.value : null, text });
  }
  return out;
}

export function spanValue(values: ValuesText | undefined, from: number, to: number): SpanValue {
  const parts = overlaps(values ?? {}, from, to);
  if (parts.length === 0) return { kind: 'empty' };
  const years = to - from + 1;
  let covered = 0;
  let total = ZERO;
  for (const p of parts) {
    covered += p.to - p.from + 1;
    if (p.value) total = total.plus(p.value.times(p.to - p.from + 1));
  }
  const first = parts[0]!;
  const same = parts.every((p) => (p.value && first.value ? p.value.eq(first.value) : p.text === first.text));
  if (covered >= years && same) return { kind: 'uniform', value: first.text };
  return { kind: 'mixed', average: total.div(years) };
}

/** Σ over the span's years / number of years, missing years as 0 (the annual average). */
export function spanAverage(values: ValuesText | undefined, from: number, to: number): Dec {
  const v = spanValue(values, from, to);
  if (v.kind === 'empty') return ZERO;
  if (v.kind === 'mixed') return v.average;
  const parsed = parseDecimal(v.value);
  return parsed.ok ? parsed.value : ZERO;
}

/** The value given for one year, if any. */
export function yearValue(values: ValuesText | undefined, year: number): string | undefined {
  const v = spanValue(values, year, year);
  return v.kind === 'uniform' ? v.value : undefined;
}

// ------------------------------------------------------------------ writing a span

function sortedByYear(values: ValuesText): ValuesText {
  const entries = Object.entries(values).map(([k, v]) => {
    const r = parseYearKey(k);
    return { k, v, from: r.ok ? r.from : Number.MAX_SAFE_INTEGER };
  });
  entries.sort((a, b) => a.from - b.from);
  return Object.fromEntries(entries.map((e) => [e.k, e.v]));
}

/**
 * Merges neighbouring keys that hold the same value, as long as the merged range
 * stays inside one of `boundaries` (the periods), so that a per-year edit that is
 * undone leaves the period's single key behind and periods never run together.
 */
export function tidyValues(values: ValuesText, boundaries: readonly { from: number; to: number }[]): ValuesText {
  const within = (from: number, to: number) => boundaries.some((b) => b.from <= from && to <= b.to);
  const runs: { from: number; to: number; text: string; value: Dec | null }[] = [];
  const invalid: ValuesText = {};
  for (const [key, text] of Object.entries(values)) {
    const r = parseYearKey(key);
    if (!r.ok) {
      invalid[key] = text;
      continue;
    }
    const parsed = parseDecimal(text);
    runs.push({ from: r.from, to: r.to, text, value: parsed.ok ? parsed.value : null });
  }
  runs.sort((a, b) => a.from - b.from);
  const merged: typeof runs = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.to + 1 === run.from && last.value && run.value && last.value.eq(run.value) && within(last.from, run.to)) last.to = run.to;
    else merged.push({ ...run });
  }
  const out: ValuesText = {};
  for (const m of merged) out[yearKey(m)] = m.text;
  return { ...out, ...invalid };
}

/**
 * Gives every year of `from..to` the value `text` (a blank text removes the
 * years instead). Keys that reach outside the span are split so that their other
 * years keep their value; keys elsewhere are untouched.
 */
export function setSpan(values: ValuesText | undefined, from: number, to: number, text: string, boundaries?: readonly { from: number; to: number }[]): ValuesText {
  const out: ValuesText = {};
  for (const [key, v] of Object.entries(values ?? {})) {
    const r = parseYearKey(key);
    if (!r.ok || r.to < from || r.from > to) {
      out[key] = v;
      continue;
    }
    if (r.from < from) out[yearKey({ from: r.from, to: from - 1 })] = v;
    if (r.to > to) out[yearKey({ from: to + 1, to: r.to })] = v;
  }
  const trimmed = text.trim();
  if (trimmed !== '') out[yearKey({ from, to })] = trimmed;
  return sortedByYear(boundaries ? tidyValues(out, boundaries) : out);
}

/** One key per year for the years of the span that have a value (to edit them one by one). */
export function splitSpanIntoYears(values: ValuesText | undefined, from: number, to: number): ValuesText {
  let out: ValuesText = { ...(values ?? {}) };
  for (const part of overlaps(values ?? {}, from, to)) {
    for (let y = part.from; y <= part.to; y++) out = setSpan(out, y, y, part.text);
  }
  return out;
}

// ------------------------------------------------------------------ document edits

type AnyItem = EditorCostItem | EditorLabelledItem;

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

export function removeItem(doc: ScenarioDocument, list: ItemList, index: number): ScenarioDocument {
  const items = itemsOf(doc, list);
  if (index < 0 || index >= items.length) return doc;
  return withItems(doc, list, items.filter((_, i) => i !== index));
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

// ------------------------------------------------------------------ subtotals

export interface SubtotalRow {
  /** Annual average per span, in the document's unit. */
  perSpan: Dec[];
  count: number;
}

/**
 * Per group and per span: Σ over the group's items of the span's annual average
 * (= the common annual amount where items are uniform over the span).
 * Items with an unknown code are left out (the problem list names them).
 */
export function groupSubtotals(items: readonly EditorCostItem[], spans: readonly Span[]): { byGroup: Record<Group, SubtotalRow>; total: Dec[] } {
  const byGroup = {} as Record<Group, SubtotalRow>;
  for (const g of GROUPS) byGroup[g] = { perSpan: spans.map(() => ZERO), count: 0 };
  const total = spans.map(() => ZERO);
  for (const item of items) {
    if (!isCategory(item.code)) continue;
    const row = byGroup[groupOf(item.code)];
    row.count++;
    spans.forEach((s, i) => {
      const v = spanAverage(item.values, s.from, s.to);
      row.perSpan[i] = row.perSpan[i]!.plus(v);
      total[i] = total[i]!.plus(v);
    });
  }
  return { byGroup, total };
}

/** Σ per span over a list without groups (benefits, downstream costs). */
export function listTotals(items: readonly EditorLabelledItem[], spans: readonly Span[]): Dec[] {
  return spans.map((s) => items.reduce((sum, item) => sum.plus(spanAverage(item.values, s.from, s.to)), ZERO));
}

/** Items of a cost list in display order: by group, then category (Table 2), then their order in the document. */
export function groupedIndexes(items: readonly EditorCostItem[]): { group: Group | null; indexes: number[] }[] {
  const rank = (code: string) => (isCategory(code) ? CATEGORIES.indexOf(code) : CATEGORIES.length);
  const out: { group: Group | null; indexes: number[] }[] = GROUPS.map((g) => ({ group: g, indexes: [] as number[] }));
  const unknown: number[] = [];
  items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item.code) - rank(b.item.code) || a.index - b.index)
    .forEach(({ item, index }) => {
      if (isCategory(item.code)) out[GROUPS.indexOf(groupOf(item.code))]!.indexes.push(index);
      else unknown.push(index);
    });
  if (unknown.length) out.push({ group: null, indexes: unknown });
  return out;
}

// ------------------------------------------------------------------ cell checks

export type CellKind = 'amount' | 'fraction' | 'positive' | 'year' | 'count' | 'unit';
export type CellProblem = 'notANumber' | 'outOfRange' | 'notBetween01' | 'notPositive' | 'notAYear' | 'notAWholeNumber';
export type CellCheck = { ok: true } | { ok: false; problem: CellProblem };

/** Checks the text of a cell as the user types; blank is fine (not given). */
export function checkCell(text: string, kind: CellKind): CellCheck {
  const t = text.trim();
  if (t === '') return { ok: true };
  if (kind === 'year') return /^\d{4}$/.test(t) ? { ok: true } : { ok: false, problem: 'notAYear' };
  if (kind === 'count') return /^\d+$/.test(t) && t.length < 6 ? { ok: true } : { ok: false, problem: 'notAWholeNumber' };
  const parsed = parseDecimal(t);
  if (!parsed.ok) return { ok: false, problem: parsed.reason === 'not a number' ? 'notANumber' : 'outOfRange' };
  if (kind === 'fraction' && (parsed.value.lt(0) || parsed.value.gt(1))) return { ok: false, problem: 'notBetween01' };
  if (kind === 'positive' && !parsed.value.gt(0)) return { ok: false, problem: 'notPositive' };
  if (kind === 'unit' && (!parsed.value.isInteger() || !parsed.value.gt(0))) return { ok: false, problem: 'notAWholeNumber' };
  return { ok: true };
}

/** "1234567.5" → "1,234,567.5" without going through a JS number (display of a cell that is not being edited). */
export function groupDigits(text: string, separator = ','): string {
  const m = /^([+-]?)(\d+)(\.\d*)?$/.exec(text.trim());
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, separator)}${m[3] ?? ''}`;
}

// ------------------------------------------------------------------ calculators

export type CalculatorKind = 'areaTimesUnitCost' | 'peopleTimesCompensation' | 'industrialOpportunityCost' | 'agriculturalOpportunityCost';
export const CALCULATOR_KINDS: readonly CalculatorKind[] = ['areaTimesUnitCost', 'peopleTimesCompensation', 'industrialOpportunityCost', 'agriculturalOpportunityCost'];

export type CalculatorEntry =
  | { calculator: 'areaTimesUnitCost'; input: AreaTimesUnitCostInput; appliedValues: ValuesText }
  | { calculator: 'peopleTimesCompensation'; input: PeopleTimesCompensationInput; appliedValues: ValuesText }
  | { calculator: 'industrialOpportunityCost'; input: IndustrialOpportunityCostInput; appliedValues: ValuesText }
  | { calculator: 'agriculturalOpportunityCost'; input: AgriculturalOpportunityCostInput; appliedValues: ValuesText };

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
export function defaultCalculator(code: string | undefined): CalculatorKind {
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

/** Whether a row still holds what its calculator produced. */
export function calculatorIsCurrent(entry: CalculatorEntry, values: ValuesText): boolean {
  const a = Object.entries(entry.appliedValues);
  const b = Object.entries(values);
  if (a.length !== b.length) return false;
  return a.every(([k, v]) => {
    const w = values[k];
    if (w === undefined) return false;
    const x = parseDecimal(v);
    const y = parseDecimal(w);
    return x.ok && y.ok ? x.value.eq(y.value) : v === w;
  });
}

// ------------------------------------------------------------------ results

export type PeriodField = 'lowerBound' | 'upperBound' | 'payment' | 'pricePerM3';

export interface PeriodExplanation {
  formula: Message;
  substituted: Message;
  value: string;
  years: { year: number; value: string | null }[];
}

/** The paper's symbol of a period figure, or its name as a code where the paper has none. */
const PERIOD_SYMBOL: Record<PeriodField, string | Message> = {
  lowerBound: 'A_PES',
  upperBound: 'U',
  payment: message('engine.trace.symbol.payment'),
  pricePerM3: message('engine.trace.symbol.price'),
};

/** Why a period figure is what it is: the annual average of the years (null if a year has none). */
export function explainPeriod(result: Result, periodIndex: number, field: PeriodField): PeriodExplanation | null {
  const p = result.periods[periodIndex];
  if (!p) return null;
  const years = result.years.filter((y) => y.year >= p.from && y.year <= p.to).map((y) => ({ year: y.year, value: y[field] }));
  const value = p[field];
  const show = (v: Dec) => v.toSignificantDigits(15).toString();
  const terms = years.map((y) => (y.value === null ? 'null' : show(y.value)));
  const symbol = PERIOD_SYMBOL[field];
  return {
    formula: message('engine.trace.periodAverage', { symbol, from: p.from, to: p.to, count: years.length }),
    substituted:
      value === null ? message('engine.trace.periodIncomplete', { symbol, from: p.from, to: p.to }) : message('engine.trace.math', { math: `(${terms.join(' + ')}) / ${years.length} = ${show(value)}` }),
    value: value === null ? 'null' : value.isZero() ? '0' : value.toString(),
    years: years.map((y) => ({ year: y.year, value: y.value === null ? null : y.value.isZero() ? '0' : y.value.toString() })),
  };
}

/** Price per m³ in whole currency, 2 to 4 decimals (Intl reads the decimal string exactly). */
export function formatPrice(value: Dec | string, locale: 'zh' | 'en'): string {
  const rounded = new D(value).toDecimalPlaces(4);
  const formatter = priceFormatters[locale];
  return formatter.format(rounded.toFixed() as unknown as number);
}

const priceFormatters = {
  zh: new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 }),
};

/** Known units with a word of their own (else "unit × currency"). */
export const NAMED_UNITS = ['1', '1000', '10000', '1000000', '100000000'] as const;
