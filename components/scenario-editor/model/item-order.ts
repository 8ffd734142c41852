import { CATEGORIES, GROUPS, groupOf, isCategory, type Group } from '@/lib/engine/categories';
import type { EditorCostItem } from './document';

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
