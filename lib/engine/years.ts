import { D, type Dec } from './decimal';
import { message, type Message } from './problem';

/**
 * Year keys of a `values` map: a single year ("2015") or an inclusive range
 * ("2003-2010"). Four-digit years only, so that a typo like "203-2010" is
 * refused instead of silently meaning the year 203.
 */
const YEAR_KEY = /^(\d{4})(?:-(\d{4}))?$/;

export interface YearRange {
  from: number;
  to: number;
}

export type YearKeyParse = ({ ok: true } & YearRange) | { ok: false; problem: Message };

export function parseYearKey(key: string): YearKeyParse {
  const m = YEAR_KEY.exec(key);
  if (!m) return { ok: false, problem: message('engine.notYearOrRange') };
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from) return { ok: false, problem: message('engine.rangeBackwards', { from, to }) };
  return { ok: true, from, to };
}

export function yearKey(range: YearRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

export function formatRange(range: YearRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}–${range.to}`;
}

/**
 * The entries of an already validated values map as ranges with their Decimal,
 * sorted by first year. One Decimal per key, never one per year: a range of 48
 * years costs one parse.
 */
export interface ValueEntry extends YearRange {
  key: string;
  value: Dec;
}

export function valueEntries(values: Readonly<Record<string, string>>): ValueEntry[] {
  const entries: ValueEntry[] = [];
  for (const [key, text] of Object.entries(values)) {
    const range = parseYearKey(key);
    // Validated maps never hit this; skipping keeps the engine total on odd input.
    if (!range.ok) continue;
    entries.push({ key, from: range.from, to: range.to, value: new D(text) });
  }
  entries.sort((a, b) => a.from - b.from);
  return entries;
}

/**
 * The year range of a validated key without allocating ("2015" or "2003-2010"), or null for
 * anything else. The compile loop reads ~10⁵ keys per large scenario; a regex match array
 * per key was a fifth of its time.
 */
function digits4(key: string, at: number): number {
  let n = 0;
  for (let i = at; i < at + 4; i++) {
    const c = key.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Calls `visit` for every key of `values` in the order `valueEntries` gives (by first year,
 * stable), parsing each value once. Keys of a validated map already come in year order (integer
 * keys are listed ascending, ranges in the order written and never overlapping), so the common
 * case is one pass with no entry array and no sort; anything else goes through `valueEntries`.
 */
function eachEntry(values: Readonly<Record<string, string>>, visit: (from: number, to: number, value: Dec) => void): void {
  let last = -Infinity;
  for (const key in values) {
    const from = key.length === 4 || key.length === 9 ? digits4(key, 0) : -1;
    const to = key.length === 9 && key.charCodeAt(4) === 45 ? digits4(key, 5) : key.length === 4 ? from : -1;
    if (from < 0 || to < from || from < last) {
      for (const e of valueEntries(values)) visit(e.from, e.to, e.value);
      return;
    }
    last = from;
  }
  for (const key in values) {
    const from = digits4(key, 0);
    visit(from, key.length === 4 ? from : digits4(key, 5), new D(values[key]!));
  }
}

/**
 * Adds a values map into a yearly array indexed from `firstYear`. Years outside
 * the array are ignored (the caller chose the window).
 */
export function addInto(target: Dec[], firstYear: number, values: Readonly<Record<string, string>>): void {
  const lastIndex = target.length - 1;
  eachEntry(values, (from, to, value) => {
    if (value.isZero()) return;
    const lo = Math.max(from - firstYear, 0);
    const hi = Math.min(to - firstYear, lastIndex);
    for (let i = lo; i <= hi; i++) target[i] = (target[i] as Dec).plus(value);
  });
}

/**
 * Writes a values map into a sparse yearly array (undefined = not given).
 * Used where "not given" differs from 0 (α overrides, water volume).
 */
export function fillInto(target: (Dec | undefined)[], firstYear: number, values: Readonly<Record<string, string>>): void {
  const lastIndex = target.length - 1;
  eachEntry(values, (from, to, value) => {
    const lo = Math.max(from - firstYear, 0);
    const hi = Math.min(to - firstYear, lastIndex);
    for (let i = lo; i <= hi; i++) target[i] = value;
  });
}

/** Which key of a values map covers `year`, if any. */
export function entryFor(values: Readonly<Record<string, string>> | undefined, year: number): ValueEntry | undefined {
  if (!values) return undefined;
  for (const [key, text] of Object.entries(values)) {
    const range = parseYearKey(key);
    if (range.ok && range.from <= year && year <= range.to) return { key, from: range.from, to: range.to, value: new D(text) };
  }
  return undefined;
}

/** Year → value, for years that some key covers. */
export function toYearMap(values: Readonly<Record<string, string>> | undefined): Map<number, Dec> {
  const map = new Map<number, Dec>();
  if (!values) return map;
  for (const e of valueEntries(values)) for (let y = e.from; y <= e.to; y++) map.set(y, e.value);
  return map;
}

/**
 * The inverse of expansion: a yearly series written as a values map, with runs
 * of consecutive years that hold an equal value merged into one range key.
 * Keys come out in year order (JavaScript still lists integer-like keys first
 * when iterating; use `compressedEntries` where order matters).
 */
export function compressedEntries(yearly: ReadonlyMap<number, Dec> | readonly (readonly [number, Dec])[]): { range: YearRange; value: Dec }[] {
  const pairs = [...yearly].sort((a, b) => a[0] - b[0]);
  const runs: { range: YearRange; value: Dec }[] = [];
  for (const [year, value] of pairs) {
    const last = runs[runs.length - 1];
    if (last && last.range.to === year - 1 && last.value.eq(value)) last.range.to = year;
    else runs.push({ range: { from: year, to: year }, value });
  }
  return runs;
}
