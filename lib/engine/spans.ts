import { ZERO, parseDecimal, type Dec } from './decimal';
import { parseYearKey, yearKey, type YearRange } from './years';

/**
 * The algebra of year spans on a values map (year key "2015" or "2003-2010" → decimal text) as
 * an editor holds it while a user types: reading what a span of years holds, writing a value
 * over a span (splitting the keys it cuts), merging neighbours back, and the spans a scenario
 * offers as columns. The map may be invalid while typing: keys that are not year keys are kept
 * for the engine's validation to report, texts that are not numbers compare as texts.
 */

/** A values map as an editor keeps it: year key → decimal text. */
export type ValuesText = Record<string, string>;

/** A column of an editor: a period (values fill its years) or one year. */
export interface Span extends YearRange {
  id: string;
  label: string;
}

/** More year columns than this are not offered (a document with a typo in endYear). */
export const MAX_YEAR_COLUMNS = 200;

const isYear = (v: unknown): v is number => Number.isInteger(v);

/** The scenario's periods, or one period over the whole range when none are given (as the engine does, decision 0100). */
export function periodSpans(doc: { periods?: readonly { label: string; from: number; to: number }[]; startYear: number; endYear: number }): Span[] {
  if (Array.isArray(doc.periods) && doc.periods.length > 0) {
    return doc.periods.filter((p) => isYear(p.from) && isYear(p.to) && p.from <= p.to).map((p) => ({ id: yearKey(p), label: p.label, from: p.from, to: p.to }));
  }
  if (!isYear(doc.startYear) || !isYear(doc.endYear) || doc.endYear < doc.startYear) return [];
  const range = { from: doc.startYear, to: doc.endYear };
  return [{ id: yearKey(range), label: `${range.from}–${range.to}`, ...range }];
}

/** One span per year of the scenario, at most MAX_YEAR_COLUMNS. */
export function yearSpans(doc: { startYear: number; endYear: number }): Span[] {
  if (!isYear(doc.startYear) || !isYear(doc.endYear) || doc.endYear < doc.startYear) return [];
  const out: Span[] = [];
  for (let y = doc.startYear; y <= Math.min(doc.endYear, doc.startYear + MAX_YEAR_COLUMNS - 1); y++) out.push({ id: String(y), label: String(y), from: y, to: y });
  return out;
}

/** Sorted years as runs of consecutive years: 2003, 2004, 2005, 2010 → 2003–2005, 2010. */
export function yearRuns(years: readonly number[]): YearRange[] {
  const runs: YearRange[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.to + 1 === year) last.to = year;
    else if (!last || last.to < year) runs.push({ from: year, to: year });
  }
  return runs;
}

// ------------------------------------------------------------- reading a span

export type SpanValue =
  /** No year of the span is given (0, or "not given" for α overrides and volumes). */
  | { kind: 'empty' }
  /** Every year of the span holds the same value. */
  | { kind: 'uniform'; value: string }
  /** The years differ (or only some are given); `average` is the annual average, missing years as 0. */
  | { kind: 'mixed'; average: Dec };

interface Overlap extends YearRange {
  value: Dec | null;
  text: string;
}

/** The keys that reach into from..to, cut to it. */
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

/**
 * Σ over the span's years / number of years, missing years as 0 (the annual average of an
 * input: a year no key covers adds nothing, unlike a result's period average, decision 0103).
 */
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

/** Whether two maps hold the same keys with equal values (numbers compared as decimals, "1.50" = "1.5"). */
export function sameValues(a: ValuesText, b: ValuesText): boolean {
  const entries = Object.entries(a);
  if (entries.length !== Object.keys(b).length) return false;
  return entries.every(([k, v]) => {
    const w = b[k];
    if (w === undefined) return false;
    const x = parseDecimal(v);
    const y = parseDecimal(w);
    return x.ok && y.ok ? x.value.eq(y.value) : v === w;
  });
}

// ------------------------------------------------------------- writing a span

/** The same map with its keys in year order (keys that are not year keys last). */
export function sortedByYear(values: ValuesText): ValuesText {
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
export function tidyValues(values: ValuesText, boundaries: readonly YearRange[]): ValuesText {
  const within = (from: number, to: number) => boundaries.some((b) => b.from <= from && to <= b.to);
  const runs: Overlap[] = [];
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
  const merged: Overlap[] = [];
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
export function setSpan(values: ValuesText | undefined, from: number, to: number, text: string, boundaries?: readonly YearRange[]): ValuesText {
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

// ------------------------------------------------------------- spreadsheet edits

/**
 * "Fill right": every span after `spans[index]` takes what that span holds (a blank span blanks
 * them). A span whose years differ has no one value to copy: null, and nothing is changed.
 */
export function fillRight(values: ValuesText | undefined, spans: readonly YearRange[], index: number, boundaries?: readonly YearRange[]): ValuesText | null {
  const source = spans[index];
  if (!source) return null;
  const v = spanValue(values, source.from, source.to);
  if (v.kind === 'mixed') return null;
  const text = v.kind === 'uniform' ? v.value : '';
  let out: ValuesText = { ...(values ?? {}) };
  for (const span of spans.slice(index + 1)) out = setSpan(out, span.from, span.to, text);
  return sortedByYear(boundaries ? tidyValues(out, boundaries) : out);
}

/**
 * A range cut after `lastOfFirst` (2011–2020 after 2013: 2011–2013 and 2014–2020); null when the
 * cut leaves one side empty.
 */
export function splitRange(range: YearRange, lastOfFirst: number): [YearRange, YearRange] | null {
  if (!Number.isInteger(lastOfFirst) || lastOfFirst < range.from || lastOfFirst >= range.to) return null;
  return [
    { from: range.from, to: lastOfFirst },
    { from: lastOfFirst + 1, to: range.to },
  ];
}

// ------------------------------------------------------------- a deal's periods

/**
 * Why a list of periods does not cut `range` into consecutive spans, as a deal's periods must
 * (a scenario's periods may overlap or leave gaps, decision 0100; a deal's are its reporting plan,
 * so every year is in exactly one). Read in the order given: each period starts the year after
 * the one before it ends. An empty list is the engine's one period over the whole range.
 */
export type PeriodPlanFinding =
  /** Period `index` ends before it starts. */
  | { kind: 'backwards'; index: number }
  /** Period `index` reaches outside the range. */
  | { kind: 'outside'; index: number }
  /** Period `index` starts in `year`, a year the periods before it already hold. */
  | { kind: 'overlap'; index: number; year: number }
  /** No period holds `from..to`; `index` is the period after the gap, or the last one for a gap at the end. */
  | { kind: 'gap'; index: number; from: number; to: number };

export function periodPlanFindings(periods: readonly YearRange[], range: YearRange): PeriodPlanFinding[] {
  const findings: PeriodPlanFinding[] = [];
  let next = range.from;
  periods.forEach((period, index) => {
    if (period.to < period.from) return findings.push({ kind: 'backwards', index });
    if (period.from < range.from || period.to > range.to) return findings.push({ kind: 'outside', index });
    if (period.from < next) findings.push({ kind: 'overlap', index, year: period.from });
    else if (period.from > next) findings.push({ kind: 'gap', index, from: next, to: period.from - 1 });
    next = Math.max(next, period.to + 1);
  });
  // A period that is backwards or outside was skipped: the end it leaves uncovered is not news.
  const skipped = findings.some((f) => f.kind === 'backwards' || f.kind === 'outside');
  if (periods.length > 0 && !skipped && next <= range.to) findings.push({ kind: 'gap', index: periods.length - 1, from: next, to: range.to });
  return findings;
}
