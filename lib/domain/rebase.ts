/**
 * Three-way merge of pes-scenario/1 documents, for a save that found a newer version: the
 * member's edits (base → mine) are replayed onto the newer version (theirs). Settings and
 * assumptions merge field by field; line-item lists merge item by item, an item being known by
 * its code and label. Where both sides changed the same thing the member's value is kept and the
 * place is listed, so the editor can say what to check before saving again.
 */
type Json = unknown;
type Item = { code?: unknown; label?: unknown } & Record<string, unknown>;

const itemLists = new Set(['costs', 'subsidies', 'benefits', 'downstreamCosts']);

export interface RebaseOutcome {
  document: Record<string, unknown>;
  /** Where both changed the same field or item differently: "alpha", "costs: Forest construction". */
  conflicts: string[];
}

function same(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as Json[]).length && a.every((x, i) => same(x, (b as Json[])[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, Json>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, Json>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, Json>)[k], (b as Record<string, Json>)[k]));
}

const identity = (item: Item) => `${String(item.code ?? '')}|${String(item.label ?? '')}`;

function uniquelyKeyed(list: Json): list is Item[] {
  if (!Array.isArray(list)) return false;
  const keys = list.map((item) => (item && typeof item === 'object' ? identity(item as Item) : null));
  return keys.every((k) => k !== null) && new Set(keys).size === keys.length;
}

function mergeItems(name: string, base: Item[], mine: Item[], theirs: Item[], conflicts: string[]): Item[] {
  const baseBy = new Map(base.map((item) => [identity(item), item]));
  const mineBy = new Map(mine.map((item) => [identity(item), item]));
  const merged: Item[] = [];
  for (const their of theirs) {
    const key = identity(their);
    const original = baseBy.get(key);
    const my = mineBy.get(key);
    if (!original) {
      // Added by them (and maybe also by me): theirs, unless mine differs.
      if (my && !same(my, their)) conflicts.push(`${name}: ${String(their.label ?? key)}`);
      merged.push(my ?? their);
      continue;
    }
    if (!my) {
      // I removed it: gone, unless they changed it meanwhile (then keep theirs and say so).
      if (!same(their, original)) {
        conflicts.push(`${name}: ${String(their.label ?? key)}`);
        merged.push(their);
      }
      continue;
    }
    if (same(my, original)) merged.push(their);
    else {
      if (!same(their, original) && !same(their, my)) conflicts.push(`${name}: ${String(their.label ?? key)}`);
      merged.push(my);
    }
  }
  const theirKeys = new Set(theirs.map(identity));
  for (const my of mine) {
    const key = identity(my);
    if (theirKeys.has(key)) continue;
    if (!baseBy.has(key))
      merged.push(my); // added by me
    else if (!same(my, baseBy.get(key))) {
      // They removed an item I changed: keep my version and say so.
      conflicts.push(`${name}: ${String(my.label ?? key)}`);
      merged.push(my);
    }
  }
  return merged;
}

export function rebaseDocument(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): RebaseOutcome {
  const conflicts: string[] = [];
  const document: Record<string, unknown> = {};
  const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])];
  for (const key of keys) {
    const [b, m, t] = [base[key], mine[key], theirs[key]];
    let value: Json;
    if (same(m, b)) value = t;
    else if (same(t, b) || same(t, m)) value = m;
    else if (itemLists.has(key) && uniquelyKeyed(b ?? []) && uniquelyKeyed(m ?? []) && uniquelyKeyed(t ?? [])) {
      value = mergeItems(key, (b ?? []) as Item[], (m ?? []) as Item[], (t ?? []) as Item[], conflicts);
    } else {
      conflicts.push(key);
      value = m;
    }
    if (value !== undefined) document[key] = value;
  }
  return { document, conflicts };
}
