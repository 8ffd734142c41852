// Where a problem is, for readers: a problem's path (`costs[3].values["2014-2020"]`,
// `schedule[0].amount`) turned into the field's label and place ("成本项“林业建设”，2014—2020 年的
// 金额", "2014—2020 年的金额"), read against the input the problem was found in, so a line item is
// named by its name and a row of years by its years. Machines keep the path; readers get this.
import { isCategory, isGroup } from '@/lib/engine/categories';
import { parseYearKey, type YearRange } from '@/lib/engine/years';
import { isTextKey, text, type LocalText } from './local-text';
import type { TextKey } from './text-catalogue';

export type PathPart = string | number;

/** Which fields a kind of input has, by name: the catalogue key of each label, the label of an entry of each list. */
export interface FieldLabels {
  field(name: string): TextKey | undefined;
  entry(list: string): TextKey | undefined;
  /** What the whole input is called, for a problem with it as a whole. */
  whole: TextKey;
}

const labelOf = (prefix: string) => (name: string) => {
  const key = `${prefix}.${name}`;
  return isTextKey(key) ? key : undefined;
};
const entryOf = (list: string) => {
  const key = `entry.${list}`;
  return isTextKey(key) ? key : undefined;
};

/** The fields of a pes-scenario/1 document. */
export const scenarioFields: FieldLabels = { field: (name) => labelOf('scenarioField')(name), entry: entryOf, whole: 'place.document' };
/** The inputs of the engine's calculators. */
export const calculatorFields: FieldLabels = { field: (name) => labelOf('calculatorField')(name), entry: entryOf, whole: 'place.document' };
/** The fields of a payment-terms/1 document; a formula is a row of the formulas. */
export const termsFields: FieldLabels = { field: (name) => labelOf('termsField')(name), entry: () => undefined, whole: 'place.document' };
/** The fields of request bodies and queries (lib/domain/*-schemas.ts). */
export const requestFields: FieldLabels = { field: (name) => labelOf('field')(name), entry: () => undefined, whole: 'place.body' };

const PART = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/** The parts of a path as lib/engine's formatPath writes it (`costs[3].values["2011-2020"]`, `(document)` for the whole). */
export function pathParts(path: string): PathPart[] {
  const parts: PathPart[] = [];
  let rest = path === '(document)' ? '' : path;
  while (rest) {
    const match = PART.exec(rest);
    if (!match) return [...parts, rest];
    parts.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]!) as string)));
    rest = rest.slice(match[0].length);
  }
  return parts;
}

const yearsText = (range: YearRange): string | LocalText => (range.from === range.to ? String(range.from) : text('place.years', { from: range.from, to: range.to }));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function rowYears(row: unknown): YearRange | null {
  if (!isRecord(row)) return null;
  const { from, to, year } = row;
  if (Number.isInteger(from) && Number.isInteger(to)) return { from: from as number, to: to as number };
  return Number.isInteger(year) ? { from: year as number, to: year as number } : null;
}

/** A request field's label and place ("Evidence, row 1: File fingerprint (SHA-256)"), when every name in its path has a label. */
export function requestFieldLabel(field: string): LocalText | undefined {
  const parts = pathParts(field);
  return parts.length && parts.every((part) => typeof part === 'number' || requestFields.field(part)) ? placeOf(parts, undefined, requestFields) : undefined;
}

/**
 * The reader's name for the place `path` points at in `input`. Each part of the path is named by
 * its label; a row of a list by its name ("成本项“林业建设”") or its years, else by its number;
 * a year key of a values map makes the amount before it that year's ("2014—2020 年的金额").
 */
export function placeOf(path: string | readonly PathPart[], input: unknown, labels: FieldLabels): LocalText {
  const parts = typeof path === 'string' ? pathParts(path) : path;
  const named: LocalText[] = [];
  let node: unknown = input;
  let parent: PathPart | undefined;
  let years: YearRange | null = null;
  const last = () => named.pop() ?? text(labels.whole);
  for (const part of parts) {
    const child = isRecord(node) ? (node as Record<string, unknown>)[String(part)] : undefined;
    if (typeof part === 'number') {
      const list = typeof parent === 'string' ? parent : '';
      const label = isRecord(child) && typeof child.label === 'string' && child.label.trim() ? child.label : null;
      const entry = labels.entry(list);
      const rowYearsOf = rowYears(child);
      if (label && entry) {
        named.pop();
        named.push(text('place.item', { entry: text(entry), label }));
      } else if (rowYearsOf && !label) {
        named.pop();
        years = rowYearsOf;
      } else {
        named.push(text('place.row', { list: last(), row: part + 1 }));
      }
    } else if (parent === 'alpha' && isGroup(part)) {
      named.pop();
      named.push(text('place.alphaGroup', { group: text(`group.${part}`) }));
    } else if (parent === 'alphaOverrides' && isCategory(part)) {
      named.pop();
      named.push(text('place.alphaCategory', { category: text(`category.${part}`) }));
    } else if (parent !== undefined && typeof parent === 'string' && parseYearKey(part).ok && !labels.field(part)) {
      const range = parseYearKey(part) as YearRange & { ok: true };
      named.push(text('place.forYears', { what: last(), years: yearsText(range) }));
    } else {
      const key = labels.field(part);
      const label = key ? text(key) : text('place.key', { key: part });
      if (years) {
        named.push(text('place.forYears', { what: label, years: yearsText(years) }));
        years = null;
      } else named.push(label);
    }
    parent = part;
    node = child;
  }
  if (years) named.push(text('place.period', { years: yearsText(years) }));
  if (!named.length) return text(labels.whole);
  return named.reduce((outer, inner) => text('place.within', { outer, inner }));
}
