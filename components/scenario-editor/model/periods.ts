import { fillRight, periodSpans, splitRange, type Span } from '@/lib/engine/spans';
import { formatRange, type YearRange } from '@/lib/engine/years';
import { valuesAt } from './cell-path';
import type { EditorPeriod, ScenarioDocument } from './document';

/**
 * The periods of a scenario as a spreadsheet user changes them: cut one in two, add one after the
 * last. Values are left as they are: a key over 2011–2020 still gives both halves of a cut period
 * their value, and the first edit of one half splits it (setSpan).
 */

/** A period's label for new years: its years written in it are replaced ("P2 2011–2020" → "P2 2011–2013"), else they are added. */
export function periodLabelFor(label: string, old: YearRange, range: YearRange): string {
  for (const written of [formatRange(old), `${old.from}-${old.to}`]) if (label.includes(written)) return label.replace(written, formatRange(range));
  return `${label} ${formatRange(range)}`.trim();
}

const asPeriods = (doc: ScenarioDocument): EditorPeriod[] => periodSpans(doc).map((s) => ({ label: s.label, from: s.from, to: s.to }));

/** Cuts the period at `index` after the year `lastOfFirst`; the labels default to periodLabelFor. Null when the cut is not inside it. */
export function splitPeriod(doc: ScenarioDocument, index: number, lastOfFirst: number, labels?: [string, string]): ScenarioDocument | null {
  const periods = asPeriods(doc);
  const period = periods[index];
  const halves = period ? splitRange(period, lastOfFirst) : null;
  if (!period || !halves) return null;
  const named = halves.map((h, i) => ({ label: labels?.[i]?.trim() || periodLabelFor(period.label, period, h), ...h }));
  return { ...doc, periods: [...periods.slice(0, index), ...named, ...periods.slice(index + 1)] };
}

/** Adds a period after the last one, through `to`, extending the scenario's end year. Null when `to` is not after it. */
export function addPeriod(doc: ScenarioDocument, to: number, label?: string): ScenarioDocument | null {
  const periods = asPeriods(doc);
  const last = periods[periods.length - 1];
  if (!last || !Number.isInteger(to) || to <= last.to) return null;
  const range = { from: last.to + 1, to };
  return { ...doc, endYear: Math.max(doc.endYear, to), periods: [...periods, { label: label?.trim() || formatRange(range), ...range }] };
}

/**
 * "Fill right" from the cell at `path` (a values cell of spans[index]): every later span of its
 * row takes its value. Null when the cell's years differ (no one value to copy) or it is no values cell.
 */
export function fillCellRight(doc: ScenarioDocument, path: string, spans: readonly Span[], index: number): ScenarioDocument | null {
  const at = valuesAt(doc, path);
  if (!at) return null;
  const values = fillRight(at.values, spans, index, periodSpans(doc));
  return values ? at.write(values) : null;
}
