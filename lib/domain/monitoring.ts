import Decimal from 'decimal.js';
import { parseDecimal } from '@/lib/engine/decimal';
import { countedValue, defaultRule, missingLabs, type Lab, type MonitoringRule } from '@/lib/terms/monitoring-rules';
import type { Measurement, Sample } from '@/lib/terms/measurement';
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
 * A result is one value for the year, or the year's dated samples (docs/decisions/0097). By
 * default the labs are compared on their annual figures (the mean of each lab's counted samples);
 * a rule that says `compare: "sample"` compares them date by date where both sampled. What a
 * settlement reads is a Measurement (lib/terms/measurement.ts): one value, or the samples as the
 * labs wrote them (a censored "<0.01" stays censored: the terms count it by their rule).
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
  /** A decimal string in the indicator's unit; for samples, their annual mean as counted when entered (shown, not judged). */
  value: string;
  /** The dated samples, in date order, when the lab reported samples; absent or null for one value. */
  samples?: readonly Sample[] | null;
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
  /** The samples it settles on (the accepted lab's, or averaged per date), when the results were samples. */
  samples?: readonly Sample[] | null;
  resolvedAt: Date;
}

/**
 * `incomplete`: a lab the terms require has not reported (docs/decisions/0066); `single`: one
 * result where the terms require no second.
 */
export type CellState = 'missing' | 'incomplete' | 'single' | 'agreed' | 'disputed' | 'resolved';

export { comparisons, type Comparison } from '@/lib/terms/monitoring-rules';
import type { Comparison } from '@/lib/terms/monitoring-rules';

/**
 * What a cell is judged by: the tolerance, the labs required and the detection-limit rule of the
 * signed terms, and how samples are compared (absent: on the annual figure).
 */
export type CellRule = Pick<MonitoringRule, 'tolerance' | 'labs' | 'belowLimit'> & { compare?: Comparison };

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

/** Samples as stored (a JSON column): a list of { on, value } texts, else null. */
export function storedSamples(json: unknown): Sample[] | null {
  if (!Array.isArray(json) || json.length === 0) return null;
  const isSample = (s: unknown): s is Sample => typeof s === 'object' && s !== null && typeof (s as Sample).on === 'string' && typeof (s as Sample).value === 'string';
  return json.every(isSample) ? json.map((s) => ({ on: s.on, value: s.value })) : null;
}

/**
 * How a rule of the terms asks for samples to be compared. Read from the rule as written, so that
 * a `compare` the terms' reader does not know yet is simply absent (the default, the annual figure).
 */
export function comparisonOf(written: unknown): Comparison {
  const compare = typeof written === 'object' && written !== null ? (written as { compare?: unknown }).compare : undefined;
  return compare === 'sample' ? 'sample' : 'aggregate';
}

/** One list of samples behind a trace step, as a page or the statement shows it. */
export interface TraceSampleList {
  /** The indicator, when the step names it. */
  indicator: string | null;
  /** The aggregate the formula read (`mean`, `share` …) and its value, when the step gives them. */
  aggregate: string | null;
  value: string | null;
  /** For `share`: the comparison and the bound. */
  condition: { op: string; bound: string } | null;
  /** Each sample as written, what it counted as (when the step says) and, for `share`, whether it met the bound. */
  samples: { on: string; value: string; counted: string | null; meets: boolean | null }[];
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

function sampleItems(raw: unknown): TraceSampleList['samples'] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const items = raw.map((x) =>
    isRecord(x) && typeof x.on === 'string' && typeof x.value === 'string' ? { on: x.on, value: x.value, counted: str(x.counted), meets: typeof x.meets === 'boolean' ? x.meets : null } : null,
  );
  return items.every((x) => x !== null) ? (items as TraceSampleList['samples']) : null;
}

/**
 * The samples a step of a settlement's trace lists, where the terms' trace gives any (lib/terms
 * TraceStep.samples: per aggregate the step read, its indicator, value and every sample with what it
 * counted as); read defensively, since a stored settlement is JSON from whichever version ran it.
 * A bare list of samples, or lists by indicator, are read too. Anything else is none.
 */
export function traceSampleLists(samples: unknown): TraceSampleList[] {
  const none = { indicator: null, aggregate: null, value: null, condition: null };
  if (Array.isArray(samples)) {
    const plain = sampleItems(samples);
    if (plain) return [{ ...none, samples: plain }];
    return samples.flatMap((entry): TraceSampleList[] => {
      if (!isRecord(entry)) return [];
      const items = sampleItems(entry.values);
      if (!items) return [];
      const condition =
        isRecord(entry.condition) && typeof entry.condition.op === 'string' && typeof entry.condition.bound === 'string' ? { op: entry.condition.op, bound: entry.condition.bound } : null;
      return [{ indicator: str(entry.indicator), aggregate: str(entry.aggregate), value: str(entry.value), condition, samples: items }];
    });
  }
  if (!isRecord(samples)) return [];
  return Object.entries(samples).flatMap(([indicator, raw]) => {
    const items = sampleItems(raw);
    return items ? [{ ...none, indicator, samples: items }] : [];
  });
}

/** An entry's samples, or null for one value (an empty list is no samples). */
export function samplesOf(entry: { samples?: readonly Sample[] | null }): readonly Sample[] | null {
  return entry.samples && entry.samples.length ? entry.samples : null;
}

/** The annual mean of some samples, each counted by the detection-limit rule. */
export function sampleMean(samples: readonly Sample[], rule: Pick<MonitoringRule, 'belowLimit'>): string {
  return meanOf(samples.map((s) => countedResult(s.value, rule)));
}

/** A lab's annual figure: its one value, or the mean of its samples, censored ones counted by the rule. */
export function annualFigure(entry: Pick<MonitoringEntry, 'value' | 'samples'>, rule: Pick<MonitoringRule, 'belowLimit'>): string {
  const samples = samplesOf(entry);
  return samples ? sampleMean(samples, rule) : canonicalValue(countedResult(entry.value, rule));
}

/** What a settlement reads of one lab's result: its counted value, or its samples as written. */
function entryMeasurement(entry: Pick<MonitoringEntry, 'value' | 'samples'>, rule: Pick<MonitoringRule, 'belowLimit'>): Measurement {
  const samples = samplesOf(entry);
  return samples ? [...samples].sort((a, b) => a.on.localeCompare(b.on)) : canonicalValue(countedResult(entry.value, rule));
}

/**
 * Several labs' samples as one list: per date the mean of the labs' counted values; a date one lab
 * sampled, or where every lab wrote the same result, keeps that result as written (so a date all
 * labs found below the detection limit stays censored and the terms count it by their rule).
 */
export function mergeSamples(lists: readonly (readonly Sample[])[], rule: Pick<MonitoringRule, 'belowLimit'>): Sample[] {
  const byDate = new Map<string, string[]>();
  for (const list of lists) for (const sample of list) byDate.set(sample.on, [...(byDate.get(sample.on) ?? []), sample.value]);
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([on, values]) => ({ on, value: values.every((v) => v === values[0]) ? values[0]! : meanOf(values.map((v) => countedResult(v, rule))) }));
}

/** The annual figure of a measurement: a value as it is, samples by their mean. */
function figureOf(measurement: Measurement, rule: Pick<MonitoringRule, 'belowLimit'>): string {
  return typeof measurement === 'string' ? canonicalValue(measurement) : sampleMean(measurement, rule);
}

export interface CellAssessment<E extends MonitoringEntry = MonitoringEntry, R extends Resolution = Resolution> {
  year: number;
  indicator: string;
  state: CellState;
  /** The annual figure a settlement uses (one value, or the mean of the counted samples); null while missing or disputed. */
  value: string | null;
  /** What the settlement reads: one value, or the dated samples; null while missing or disputed. */
  measurement: Measurement | null;
  /** How the labs' results were compared: `sample` date by date (the rule asks for it and both labs gave samples on shared dates). */
  compared: Comparison | null;
  /** The dates the labs' samples differ beyond the tolerance (compared per sample), each with its spread and what is allowed. */
  differing: { on: string; spread: string; allowed: string }[];
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

/** The spread of some counted values, what the tolerance allows between the extremes, and whether any pair differs beyond it. */
function compareValues(values: readonly string[], tolerance: Tolerance): { spread: string; allowed: string; disputed: boolean } {
  const sorted = [...values].sort((a, b) => new MD(a).comparedTo(b));
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  // Every pair within tolerance: the extremes decide for the absolute rule; for the relative one
  // every pair is checked, since a pair of small values may differ more in percent.
  const disputed = sorted.some((a, i) => sorted.slice(i + 1).some((b) => differBeyondTolerance(tolerance, a, b)));
  return { spread: canonicalValue(new MD(high).minus(low)), allowed: canonicalValue(allowedDifference(tolerance, low, high)), disputed };
}

/**
 * The labs' samples compared date by date: every date at least two labs sampled. Null when there
 * is no such date (a lab gave one value, or the labs never sampled on the same day): the annual
 * figures are compared then.
 */
function compareBySample(current: readonly MonitoringEntry[], rule: CellRule): { spread: string; allowed: string; disputed: boolean; differing: CellAssessment['differing'] } | null {
  const lists = current.map(samplesOf);
  if (lists.some((list) => list === null)) return null;
  const byDate = new Map<string, string[]>();
  for (const list of lists) for (const sample of list!) byDate.set(sample.on, [...(byDate.get(sample.on) ?? []), countedResult(sample.value, rule)]);
  const dates = [...byDate.entries()].filter(([, values]) => values.length > 1).sort(([a], [b]) => a.localeCompare(b));
  if (!dates.length) return null;
  const judged = dates.map(([on, values]) => ({ on, ...compareValues(values, rule.tolerance) }));
  const differing = judged.filter((d) => d.disputed).map(({ on, spread, allowed }) => ({ on, spread, allowed }));
  // The date shown with the cell: the one furthest beyond its tolerance, else the widest spread.
  const worst = judged.reduce((a, b) => (new MD(b.spread).minus(b.allowed).greaterThan(new MD(a.spread).minus(a.allowed)) ? b : a));
  return { spread: worst.spread, allowed: worst.allowed, disputed: differing.length > 0, differing };
}

/**
 * What agreeing labs' results give the settlement: the mean of their values; where labs gave
 * samples, their samples merged per date (a lab's one annual value adds no date: it was compared,
 * within tolerance, with the others' figures).
 */
function agreedMeasurement(current: readonly MonitoringEntry[], rule: CellRule): Measurement {
  const lists = current.map(samplesOf).filter((list): list is readonly Sample[] => list !== null);
  if (!lists.length) return meanOf(current.map((e) => countedResult(e.value, rule)));
  return lists.length === 1 ? [...lists[0]!].sort((a, b) => a.on.localeCompare(b.on)) : mergeSamples(lists, rule);
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
  const base = { year, indicator, current, superseded, missingLabs: missing, differing: [] as CellAssessment['differing'] };
  const none = { value: null, measurement: null, spread: null, allowed: null, resolution: null };
  if (current.length === 0) return { ...base, ...none, state: 'missing', compared: null };

  const ids = current.map((e) => e.id);
  // A resolution applies while the results it was recorded on are still the current ones.
  const applying = resolutions
    .filter((r) => r.year === year && r.indicator === indicator && sameSet(r.basisValueIds, ids))
    .sort((a, b) => a.resolvedAt.getTime() - b.resolvedAt.getTime())
    .at(-1);
  const resolved = (compared: Partial<Pick<CellAssessment, 'spread' | 'allowed' | 'compared' | 'differing'>> = {}): CellAssessment<E, R> => {
    const samples = samplesOf(applying!);
    return {
      ...base,
      spread: null,
      allowed: null,
      compared: null,
      ...compared,
      state: 'resolved',
      value: samples ? sampleMean(samples, rule) : canonicalValue(applying!.value),
      measurement: samples ? [...samples] : canonicalValue(applying!.value),
      resolution: applying!,
    };
  };

  if (missing.length) return applying ? resolved() : { ...base, ...none, state: 'incomplete', compared: null };
  if (current.length === 1) {
    const measurement = entryMeasurement(current[0]!, rule);
    return { ...base, ...none, state: 'single', value: figureOf(measurement, rule), measurement, compared: null };
  }

  const bySample = rule.compare === 'sample' ? compareBySample(current, rule) : null;
  const judged =
    bySample ??
    compareValues(
      current.map((e) => annualFigure(e, rule)),
      rule.tolerance,
    );
  const compared = { spread: judged.spread, allowed: judged.allowed, compared: bySample ? ('sample' as const) : ('aggregate' as const), differing: bySample?.differing ?? [] };
  if (!judged.disputed) {
    const measurement = agreedMeasurement(current, rule);
    return { ...base, ...compared, state: 'agreed', value: figureOf(measurement, rule), measurement, resolution: null };
  }
  if (applying) return resolved(compared);
  return { ...base, ...compared, state: 'disputed', value: null, measurement: null, resolution: null };
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

/** A lab's result as a problem shows it: the value as written ("<0.025" stays), or the mean of its samples (as entered) and how many. */
function resultText(entry: MonitoringEntry) {
  const samples = samplesOf(entry);
  if (samples) return text('sideSamples', { side: text(`side.${entry.side}`), mean: entry.value, count: samples.length });
  return text('sideResult', { side: text(`side.${entry.side}`), value: /^[<＜]/.test(entry.value) ? entry.value : canonicalValue(entry.value) });
}

/**
 * What a settlement of `year` may read: every needed indicator with a measurement that is not
 * disputed (one value, or the dated samples). Anything else is a problem naming the indicator;
 * nothing is settled as 0. `values` are the annual figures (one per indicator) for a reader.
 */
export function valuesForSettlement(
  cells: readonly CellAssessment[],
  year: number,
  needed: readonly string[],
): { ok: true; values: Record<string, string>; measurements: Record<string, Measurement> } | { ok: false; problems: MonitoringProblem[] } {
  const problems: MonitoringProblem[] = [];
  const values: Record<string, string> = {};
  const measurements: Record<string, Measurement> = {};
  for (const indicator of needed) {
    const cell = cells.find((c) => c.year === year && c.indicator === indicator);
    if (!cell || cell.state === 'missing') {
      problems.push(problem(`${year}.${indicator}`, text('noResultForYear', { indicator: indicatorText(indicator), year })));
    } else if (cell.state === 'incomplete') {
      problems.push(problem(`${year}.${indicator}`, text('labsMissing', { indicator: indicatorText(indicator), year, labs: cell.missingLabs.map((lab) => text(`lab.${lab}`)) })));
    } else if (cell.state === 'disputed') {
      const results = cell.current.map(resultText);
      problems.push(
        problem(
          `${year}.${indicator}`,
          cell.compared === 'sample' && cell.differing.length
            ? text('samplesDisputed', { indicator: indicatorText(indicator), year, results, dates: cell.differing.map((d) => d.on), spread: cell.spread ?? '', allowed: cell.allowed ?? '' })
            : text('resultDisputed', { indicator: indicatorText(indicator), year, results, spread: cell.spread ?? '', allowed: cell.allowed ?? '' }),
        ),
      );
    } else {
      values[indicator] = cell.value!;
      measurements[indicator] = cell.measurement!;
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, values, measurements };
}

/** A re-test reports one value, or dated samples (checked already, as a lab's are: docs/decisions/0110). */
export type ResolutionInput = { method: 'ACCEPT'; valueId: string } | { method: 'AVERAGE' } | { method: 'RETEST'; value: string } | { method: 'RETEST'; samples: readonly Sample[] };

/**
 * The value a resolution of a disputed cell records, with the samples it settles on when the
 * results were samples, or why it cannot be recorded. The cell must be disputed now; an accepted
 * result must be one of the current ones.
 */
export function resolvedValue(
  cell: CellAssessment,
  input: ResolutionInput,
  rule: Pick<MonitoringRule, 'belowLimit'> = cellRule(noTolerance),
): { ok: true; value: string; samples: Sample[] | null } | ({ ok: false } & Refusal) {
  // A cell a required lab has not reported may be closed by the fund too (an accepted result or a
  // re-test it commissioned), so that a side cannot block a year by not reporting.
  if (cell.state !== 'disputed' && cell.state !== 'incomplete') {
    return { ok: false, ...refusal(text('notDisputed', { indicator: indicatorText(cell.indicator), year: cell.year, why: text(`notDisputedBecause.${cell.state}`) })) };
  }
  switch (input.method) {
    case 'ACCEPT': {
      const chosen = cell.current.find((e) => e.id === input.valueId);
      if (!chosen) return { ok: false, ...refusal(text('acceptedNotCurrent')) };
      // An accepted lab's samples are settled on as it wrote them; an accepted censored result
      // ("<0.025") counts as the terms' detection-limit rule says.
      const samples = samplesOf(chosen);
      if (samples) return { ok: true, value: sampleMean(samples, rule), samples: [...samples].sort((a, b) => a.on.localeCompare(b.on)) };
      return { ok: true, value: canonicalValue(countedResult(chosen.value, rule)), samples: null };
    }
    case 'AVERAGE': {
      if (cell.current.length < 2) return { ok: false, ...refusal(text('averageNeedsTwo')) };
      // Every lab gave samples: per date the mean of the labs' (a date one lab sampled keeps its
      // result). Otherwise the labs' annual figures weigh the same: their mean, one value.
      const lists = cell.current.map(samplesOf);
      if (lists.every((list) => list !== null)) {
        const merged = mergeSamples(lists as readonly (readonly Sample[])[], rule);
        return { ok: true, value: sampleMean(merged, rule), samples: merged };
      }
      return { ok: true, value: meanOf(cell.current.map((e) => annualFigure(e, rule))), samples: null };
    }
    case 'RETEST': {
      // A re-test's samples are settled on as the lab wrote them, as an accepted lab's are.
      if ('samples' in input) return { ok: true, value: sampleMean(input.samples, rule), samples: [...input.samples].sort((a, b) => a.on.localeCompare(b.on)) };
      const parsed = parseDecimal(input.value);
      if (!parsed.ok || typeof input.value !== 'string') return { ok: false, ...refusal(text('retestNotDecimal', { value: String(input.value) })) };
      return { ok: true, value: canonicalValue(parsed.value), samples: null };
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
