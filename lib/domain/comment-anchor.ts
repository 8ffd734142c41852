/**
 * Where a comment of a scenario's thread sits on one of its versions. A comment is written on a
 * version, about the whole scenario or one line item ("costs[3]", by position in that version).
 * Positions move between versions, so on another version the comment sits next to the line of
 * the same list with the same category code and label, and in the thread only when there is none.
 */

const itemTarget = /^(costs|subsidies|benefits|downstreamCosts)\[(\d{1,4})\]$/;

export interface AnchoredItem {
  list: string;
  index: number;
  code: string | null;
  label: string;
}

/** The line item a target names in a pes-scenario/1 document, or null (the whole scenario, or a line no longer there). */
export function itemAt(document: unknown, target: string | null): AnchoredItem | null {
  const match = target ? itemTarget.exec(target) : null;
  if (!match) return null;
  const [, list, position] = match as unknown as [string, string, string];
  const index = Number(position);
  const item = listOf(document, list)[index];
  return item ? { list, index, ...identity(item) } : null;
}

/** The target on `here` of a comment written at `target` on `written`: the same line, or null. */
export function anchorOn(here: unknown, written: unknown, target: string | null): string | null {
  const item = itemAt(written, target);
  if (!item) return null;
  const index = listOf(here, item.list).findIndex((candidate) => {
    const other = identity(candidate);
    return other.code === item.code && other.label === item.label;
  });
  return index < 0 ? null : `${item.list}[${index}]`;
}

function listOf(document: unknown, list: string): unknown[] {
  const items = typeof document === 'object' && document !== null ? (document as Record<string, unknown>)[list] : undefined;
  return Array.isArray(items) ? items : [];
}

function identity(item: unknown): { code: string | null; label: string } {
  const { code, label } = (typeof item === 'object' && item !== null ? item : {}) as { code?: unknown; label?: unknown };
  return { code: typeof code === 'string' ? code : null, label: typeof label === 'string' ? label : '' };
}
