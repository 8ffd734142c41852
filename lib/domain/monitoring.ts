import Decimal from 'decimal.js';
import { parseDecimal } from '@/lib/engine/decimal';
import { countedValue, defaultRule, missingLabs, type Lab, type MonitoringRule } from '@/lib/terms/monitoring-rules';
import { problem, refusal, text, type Problem, type Refusal } from './local-text';
import { indicatorText } from './indicator-name';

/**
 * Monitoring results of an administered agreement, and when they disagree (docs/decisions/0016).
 *
 * Each side (upstream, downstream, and the fund's own commissioned monitoring) may enter its own
 * result for an indicator and year. Results are never changed: a correction is a new entry, and the
 * newest entry of each side is that side's current result. The current results of a cell (one
 * year, one indicator) either agree within the agreed tolerance, or the cell is disputed and no
 * settlement may use it until a resolution is recorded against exactly those results: one of them
 * accepted, their average, or a re-test. A side entering a new result afterwards reopens the cell.
 *
 * Pure: decimal.js and the engine's decimal parser only.
 */

/** The sides that may enter results; observers watch. */
export const monitoringSides = ['UPSTREAM', 'DOWNSTREAM', 'FUND'] as const;
export type MonitoringSide = (typeof monitoringSides)[number];

export function isMonitoringSide(side: string): side is MonitoringSide {
  return (monitoringSides as readonly string[]).includes(side);
}

export const resolutionMethods = ['ACCEPT', 'AVERAGE', 'RETEST'] as const;
export type ResolutionMethod = (typeof resolutionMethods)[number];

/** 64 significant digits, half-up: averages of measured values are exact for any realistic input. */
export const MD = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });

/** Canonical decimal text: at most 40 significant digits, plain notation, no "-0" (the engine's output policy). */
export function canonicalValue(value: Decimal.Value): string {
  const d = new MD(value);
  return d.isZero() ? '0' : d.toSignificantDigits(40).toString();
}

export interface MonitoringEntry {
  id: string;
  year: number;
  indicator: string;
  /** A decimal string in the indicator's unit. */
  value: string;
  side: MonitoringSide;
  /** When it was entered; the newest entry of a side is its current result. */
  enteredAt: Date;
}

export interface Tolerance {
  /** The largest difference accepted, in the indicator's unit; null when not agreed. */
  absolute: string | null;
  /** The largest relative percent difference accepted, as a fraction of the mean ("0.1" = 10 %); null when not agreed. */
  relative: string | null;
}

export const noTolerance: Tolerance = { absolute: null, relative: null };

export interface Resolution {
  id: string;
  year: number;
  indicator: string;
  method: ResolutionMethod;
  /** The entries that were current when it was recorded: it applies while they still are. */
  basisValueIds: string[];
  value: string;
  resolvedAt: Date;
}

/**
 * `incomplete`: a lab the terms require has not reported (docs/decisions/0066); `single`: one
 * result where the terms require no second.
 */
export type CellState = 'missing' | 'incomplete' | 'single' | 'agreed' | 'disputed' | 'resolved';

/** What a cell is judged by: the tolerance, the labs required and the detection-limit rule of the signed terms. */
export type CellRule = Pick<MonitoringRule, 'tolerance' | 'labs' | 'belowLimit'>;

/** The rule of an indicator the terms say nothing about (docs/terms.md), with a tolerance as given. */
export function cellRule(tolerance: Tolerance = noTolerance): CellRule {
  const { labs, belowLimit } = defaultRule('');
  return { tolerance, labs, belowLimit };
}

/** The value a stored result counts as: a censored one ("<0.025") by the terms' detection-limit rule. */
export function countedResult(value: string, rule: Pick<MonitoringRule, 'belowLimit'>): string {
  const censored = /^[<＜]\s*/.exec(value);
  return censored ? countedValue({ kind: 'belowLimit', limit: value.slice(censored[0].length) }, rule) : value;
}

const labOfSide = { UPSTREAM: 'upstream', DOWNSTREAM: 'downstream', FUND: 'fund' } as const;

export interface CellAssessment<E extends MonitoringEntry = MonitoringEntry, R extends Resolution = Resolution> {
  year: number;
  indicator: string;
  state: CellState;
  /** The value a settlement uses; null while missing or disputed. */
  value: string | null;
  /** The current result of each side, oldest side first. */
  current: E[];
  /** Earlier results, superseded by a newer entry of the same side. */
  superseded: E[];
  /** The required labs that have not reported (`either`: neither of the two has). */
  missingLabs: (Lab | 'either')[];
  /** Largest minus smallest current result, and the difference the tolerance allows between them. */
  spread: string | null;
  allowed: string | null;
  resolution: R | null;
}

const cellKey = (year: number, indicator: string) => `${year}\u0000${indicator}`;

/**
 * The difference the tolerance allows between two results: the larger of the absolute tolerance
 * and the relative one times the mean of their magnitudes (the relative percent difference of
 * duplicate samples in laboratory QA). No tolerance agreed: results must be equal.
 */
export function allowedDifference(tolerance: Tolerance, a: Decimal.Value, b: Decimal.Value): Decimal {
  const absolute = tolerance.absolute === null ? new MD(0) : new MD(tolerance.absolute);
  if (tolerance.relative === null) return absolute;
  const relative = new MD(a).abs().plus(new MD(b).abs()).dividedBy(2).times(tolerance.relative);
  return relative.greaterThan(absolute) ? relative : absolute;
}

/** Whether two results differ by more than the tolerance allows. */
export function differBeyondTolerance(tolerance: Tolerance, a: Decimal.Value, b: Decimal.Value): boolean {
  return new MD(a)
    .minus(b)
    .abs()
    .greaterThan(allowedDifference(tolerance, a, b));
}

/** The exact mean of some results. */
export function meanOf(values: readonly string[]): string {
  if (values.length === 0) throw new Error('meanOf: no values');
  return canonicalValue(values.reduce((sum, v) => sum.plus(v), new MD(0)).dividedBy(values.length));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** The newest entry of each side; ties on the time fall to the later in the list. */
export function currentBySide<E extends MonitoringEntry>(entries: readonly E[]): { current: E[]; superseded: E[] } {
  const newest = new Map<MonitoringSide, E>();
  for (const entry of entries) {
    const seen = newest.get(entry.side);
    if (!seen || entry.enteredAt.getTime() >= seen.enteredAt.getTime()) newest.set(entry.side, entry);
  }
  const current = monitoringSides.flatMap((side) => (newest.has(side) ? [newest.get(side)!] : []));
  const kept = new Set(current.map((e) => e.id));
  return { current, superseded: entries.filter((e) => !kept.has(e.id)) };
}

/** One cell: the entries and resolutions of one year and indicator, judged by the terms' rule. */
export function assessCell<E extends MonitoringEntry, R extends Resolution>(
  year: number,
  indicator: string,
  entries: readonly E[],
  resolutions: readonly R[],
  rule: CellRule = cellRule(),
): CellAssessment<E, R> {
  const { current, superseded } = currentBySide(entries);
  const reported = new Set(current.map((e) => labOfSide[e.side]));
  const missing = current.length ? missingLabs(rule, reported) : [];
  const base = { year, indicator, current, superseded, missingLabs: missing };
  if (current.length === 0) return { ...base, state: 'missing', value: null, spread: null, allowed: null, resolution: null };

  const ids = current.map((e) => e.id);
  // A resolution applies while the results it was recorded on are still the current ones.
  const applying = resolutions
    .filter((r) => r.year === year && r.indicator === indicator && sameSet(r.basisValueIds, ids))
    .sort((a, b) => a.resolvedAt.getTime() - b.resolvedAt.getTime())
    .at(-1);
  const resolved = (spread: string | null, allowed: string | null): CellAssessment<E, R> => ({
    ...base,
    state: 'resolved',
    value: canonicalValue(applying!.value),
    spread,
    allowed,
    resolution: applying!,
  });

  if (missing.length) return applying ? resolved(null, null) : { ...base, state: 'incomplete', value: null, spread: null, allowed: null, resolution: null };
  const counted = current.map((e) => ({ entry: e, value: countedResult(e.value, rule) }));
  if (counted.length === 1) return { ...base, state: 'single', value: canonicalValue(counted[0]!.value), spread: null, allowed: null, resolution: null };

  const sorted = [...counted].sort((a, b) => new MD(a.value).comparedTo(b.value));
  const low = sorted[0]!.value;
  const high = sorted[sorted.length - 1]!.value;
  const spread = canonicalValue(new MD(high).minus(low));
  const allowed = canonicalValue(allowedDifference(rule.tolerance, low, high));
  // Every pair within tolerance: the extremes decide for the absolute rule; for the relative one
  // every pair is checked, since a pair of small values may differ more in percent.
  const disputed = sorted.some((a, i) => sorted.slice(i + 1).some((b) => differBeyondTolerance(rule.tolerance, a.value, b.value)));
  if (!disputed) return { ...base, state: 'agreed', value: meanOf(counted.map((c) => c.value)), spread, allowed, resolution: null };
  if (applying) return resolved(spread, allowed);
  return { ...base, state: 'disputed', value: null, spread, allowed, resolution: null };
}

/**
 * Every cell of the given years and indicators, plus any other cell that has entries (an
 * indicator no longer declared still shows). Sorted by year, then indicator in the given order.
 */
export function assessMonitoring<E extends MonitoringEntry, R extends Resolution>(input: {
  years: readonly number[];
  indicators: readonly string[];
  entries: readonly E[];
  resolutions: readonly R[];
  /** The rules, or the rules of each year (a signed amendment changes them from a year on). */
  rules: Readonly<Record<string, CellRule>> | ((year: number) => Readonly<Record<string, CellRule>>);
}): CellAssessment<E, R>[] {
  const rulesOf = typeof input.rules === 'function' ? input.rules : () => input.rules as Readonly<Record<string, CellRule>>;
  const entriesByCell = new Map<string, E[]>();
  for (const entry of input.entries) {
    const key = cellKey(entry.year, entry.indicator);
    entriesByCell.set(key, [...(entriesByCell.get(key) ?? []), entry]);
  }
  const cells = new Map<string, { year: number; indicator: string }>();
  for (const year of input.years) for (const indicator of input.indicators) cells.set(cellKey(year, indicator), { year, indicator });
  for (const entry of input.entries) cells.set(cellKey(entry.year, entry.indicator), { year: entry.year, indicator: entry.indicator });
  const order = new Map(input.indicators.map((name, i) => [name, i]));
  return [...cells.values()]
    .sort((a, b) => a.year - b.year || (order.get(a.indicator) ?? Infinity) - (order.get(b.indicator) ?? Infinity) || a.indicator.localeCompare(b.indicator))
    .map(({ year, indicator }) => assessCell(year, indicator, entriesByCell.get(cellKey(year, indicator)) ?? [], input.resolutions, rulesOf(year)[indicator] ?? cellRule()));
}

export type MonitoringProblem = Problem;

/**
 * The values a settlement of `year` may use: every needed indicator with a value that is not
 * disputed. Anything else is a problem naming the indicator; nothing is settled as 0.
 */
export function valuesForSettlement(
  cells: readonly CellAssessment[],
  year: number,
  needed: readonly string[],
): { ok: true; values: Record<string, string> } | { ok: false; problems: MonitoringProblem[] } {
  const problems: MonitoringProblem[] = [];
  const values: Record<string, string> = {};
  for (const indicator of needed) {
    const cell = cells.find((c) => c.year === year && c.indicator === indicator);
    if (!cell || cell.state === 'missing') {
      problems.push(problem(`${year}.${indicator}`, text('noResultForYear', { indicator: indicatorText(indicator), year })));
    } else if (cell.state === 'incomplete') {
      problems.push(problem(`${year}.${indicator}`, text('labsMissing', { indicator: indicatorText(indicator), year, labs: cell.missingLabs.map((lab) => text(`lab.${lab}`)) })));
    } else if (cell.state === 'disputed') {
      // A censored result is shown as the lab wrote it ("<0.025").
      const results = cell.current.map((e) => text('sideResult', { side: text(`side.${e.side}`), value: /^[<＜]/.test(e.value) ? e.value : canonicalValue(e.value) }));
      problems.push(problem(`${year}.${indicator}`, text('resultDisputed', { indicator: indicatorText(indicator), year, results, spread: cell.spread ?? '', allowed: cell.allowed ?? '' })));
    } else {
      values[indicator] = cell.value!;
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}

export type ResolutionInput = { method: 'ACCEPT'; valueId: string } | { method: 'AVERAGE' } | { method: 'RETEST'; value: string };

/**
 * The value a resolution of a disputed cell records, or why it cannot be recorded. The cell must
 * be disputed now; an accepted result must be one of the current ones.
 */
export function resolvedValue(cell: CellAssessment, input: ResolutionInput, rule: Pick<MonitoringRule, 'belowLimit'> = cellRule(noTolerance)): { ok: true; value: string } | ({ ok: false } & Refusal) {
  // A cell a required lab has not reported may be closed by the fund too (an accepted result or a
  // re-test it commissioned), so that a side cannot block a year by not reporting.
  if (cell.state !== 'disputed' && cell.state !== 'incomplete') {
    return { ok: false, ...refusal(text('notDisputed', { indicator: indicatorText(cell.indicator), year: cell.year, why: text(`notDisputedBecause.${cell.state}`) })) };
  }
  switch (input.method) {
    case 'ACCEPT': {
      const chosen = cell.current.find((e) => e.id === input.valueId);
      if (!chosen) return { ok: false, ...refusal(text('acceptedNotCurrent')) };
      // An accepted censored result ("<0.025") counts as the terms' detection-limit rule says.
      return { ok: true, value: canonicalValue(countedResult(chosen.value, rule)) };
    }
    case 'AVERAGE':
      if (cell.current.length < 2) return { ok: false, ...refusal(text('averageNeedsTwo')) };
      return { ok: true, value: meanOf(cell.current.map((e) => countedResult(e.value, rule))) };
    case 'RETEST': {
      const parsed = parseDecimal(input.value);
      if (!parsed.ok || typeof input.value !== 'string') return { ok: false, ...refusal(text('retestNotDecimal', { value: String(input.value) })) };
      return { ok: true, value: canonicalValue(parsed.value) };
    }
  }
}

/** A tolerance as entered: each part a non-negative decimal or empty. */
export function parseTolerance(input: { absolute?: string | null; relative?: string | null }): { ok: true; tolerance: Tolerance } | { ok: false; problems: MonitoringProblem[] } {
  const problems: MonitoringProblem[] = [];
  const read = (field: 'absolute' | 'relative'): string | null => {
    const raw = input[field];
    if (raw === undefined || raw === null || raw.trim() === '') return null;
    const parsed = parseDecimal(raw.trim());
    if (!parsed.ok) {
      problems.push(problem(field, text('notDecimal', { raw })));
      return null;
    }
    if (parsed.value.isNegative()) problems.push(problem(field, text('mustNotBeNegative')));
    if (field === 'relative' && parsed.value.greaterThan(1)) problems.push(problem(field, text('relativeTolerance')));
    return canonicalValue(parsed.value);
  };
  const tolerance = { absolute: read('absolute'), relative: read('relative') };
  return problems.length ? { ok: false, problems } : { ok: true, tolerance };
}
