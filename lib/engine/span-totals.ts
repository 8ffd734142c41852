import { GROUPS, groupOf, isCategory, type Group } from './categories';
import { ZERO, type Dec } from './decimal';
import { spanAverage, type ValuesText } from './spans';
import type { YearRange } from './years';

/**
 * Subtotals of input items over year spans, as an editor shows them under its rows: the annual
 * average of each item over the span (missing years as 0), summed.
 */

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
export function groupSubtotals<S extends YearRange>(items: readonly { code: string; values: ValuesText }[], spans: readonly S[]): { byGroup: Record<Group, SubtotalRow>; total: Dec[] } {
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
export function listTotals<S extends YearRange>(items: readonly { values: ValuesText }[], spans: readonly S[]): Dec[] {
  return spans.map((s) => items.reduce((sum, item) => sum.plus(spanAverage(item.values, s.from, s.to)), ZERO));
}
