import { MAX_EXPONENT } from '../engine/decimal';
import { message, problemAt, type CodedProblem, type Message } from '../engine/problem';
import { TD, formatTermsDecimal, type TDec } from './decimal';
import type { Sample, Measurement } from './measurement';
import { countedValue, labResultText, parseLabResult, type MonitoringRule } from './monitoring-rules';

/**
 * A year's samples of one indicator (issue 17, docs/monitoring-samples.md): how a list of dated
 * samples is checked, what a censored sample ("<0.01") counts as, and the aggregates the formula
 * language reads over them — mean, median, min, max, count, and the share of samples meeting a
 * bound. Pure: decimal arithmetic, plain types.
 */

/** The aggregates of one indicator's samples a formula may call: `mean(codmn)` … */
export const AGGREGATES = ['mean', 'median', 'min', 'max', 'count'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** The comparisons `share(x <= 4)` takes. */
export const SHARE_OPERATORS = ['<', '<=', '>', '>='] as const;
export type ShareOperator = (typeof SHARE_OPERATORS)[number];

/** What the trace lists: an aggregate, or `share`. */
export type SampleAggregate = Aggregate | 'share';

/** Generous for an automatic station (hourly is 8 784 a leap year); bounds the work one document can ask for. */
export const MAX_SAMPLES_PER_YEAR = 10_000;

/** A sample with what it counts as: the value itself, or the substitute the terms agree for a censored one. */
export interface CountedSample {
  on: string;
  /** As written: `"2.1"` or `"<0.01"`. */
  value: string;
  counted: TDec;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `on` is a real calendar day written YYYY-MM-DD (2019-02-29 is not). */
export function isCalendarDate(on: string): boolean {
  const m = DATE.exec(on);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Paths as people write them, after the indicator's: `2019.codmn[3].on`. */
const at = (path: string, index: number, field?: string) => `${path}[${index}]${field ? `.${field}` : ''}`;

/** The value of one sample: a plain decimal within the rule's plausible range, or `<` and a positive detection limit. */
function sampleValue(raw: unknown, rule: MonitoringRule): { ok: true; text: string } | { ok: false; reason: Message } {
  if (typeof raw === 'number') return { ok: false, reason: message('engine.writeAsString', { reason: message('engine.notADecimal'), example: '2.1' }) };
  if (typeof raw !== 'string') return { ok: false, reason: message('engine.notAPlainDecimal', { value: String(raw) }) };
  const parsed = parseLabResult(raw, rule);
  if (!parsed.ok) return parsed;
  const number = new TD(parsed.result.kind === 'measured' ? parsed.result.value : parsed.result.limit);
  if (!number.isZero() && Math.abs(number.e) > MAX_EXPONENT) return { ok: false, reason: message('engine.outOfRange', { value: raw, max: MAX_EXPONENT }) };
  return { ok: true, text: labResultText(parsed.result) };
}

/**
 * A year's list of samples of one indicator, each `{ "on": "2019-01-15", "value": "2.1" }`: the
 * date a real day of `year`, the value a plain decimal within the rule's range or a censored
 * `"<0.01"` (also `"＜0.01"`, kept as `"<0.01"`). Problems at `path[i].on` and `path[i].value`.
 * The samples come back in date order (as given within a day); an empty list is valid and
 * means the year was not measured.
 */
export function parseSamples(raw: readonly unknown[], year: number, rule: MonitoringRule, path: string): { ok: true; samples: Sample[] } | { ok: false; problems: CodedProblem[] } {
  const problems: CodedProblem[] = [];
  if (raw.length > MAX_SAMPLES_PER_YEAR) return { ok: false, problems: [problemAt(path, message('engine.tooManySamples', { max: MAX_SAMPLES_PER_YEAR, got: raw.length }))] };
  const samples: Sample[] = [];
  raw.forEach((item, i) => {
    if (!isRecord(item)) {
      problems.push(problemAt(at(path, i), message('engine.sampleShape', { on: 'on', value: 'value' })));
      return;
    }
    for (const key of Object.keys(item)) if (key !== 'on' && key !== 'value') problems.push(problemAt(at(path, i, key), message('engine.keyed', { message: message('engine.unknownField'), key })));
    let on: string | undefined;
    if (item.on === undefined) problems.push(problemAt(at(path, i, 'on'), message('engine.missingRequired')));
    else if (typeof item.on !== 'string' || !DATE.test(item.on)) problems.push(problemAt(at(path, i, 'on'), message('engine.sampleDate', { value: String(item.on) })));
    else if (!isCalendarDate(item.on)) problems.push(problemAt(at(path, i, 'on'), message('engine.sampleNotADay', { value: item.on })));
    else if (Number(item.on.slice(0, 4)) !== year) problems.push(problemAt(at(path, i, 'on'), message('engine.sampleOutsideYear', { on: item.on, year })));
    else on = item.on;
    let value: string | undefined;
    if (item.value === undefined) problems.push(problemAt(at(path, i, 'value'), message('engine.missingRequired')));
    else {
      const parsed = sampleValue(item.value, rule);
      if (parsed.ok) value = parsed.text;
      else problems.push(problemAt(at(path, i, 'value'), parsed.reason));
    }
    if (on !== undefined && value !== undefined) samples.push({ on, value });
  });
  if (problems.length) return { ok: false, problems };
  // Stable: samples of one day keep the order they were given in.
  return {
    ok: true,
    samples: samples
      .map((s, i) => [s, i] as const)
      .sort(([a, i], [b, j]) => (a.on < b.on ? -1 : a.on > b.on ? 1 : i - j))
      .map(([s]) => s),
  };
}

/** A parsed sample's value as it counts in a formula: censored ones by the rule's `belowLimit`. */
export function countedSample(sample: Sample, rule: Pick<MonitoringRule, 'belowLimit'>): TDec {
  const censored = /^[<＜]\s*/.exec(sample.value);
  if (!censored) return new TD(sample.value);
  return new TD(countedValue({ kind: 'belowLimit', limit: sample.value.slice(censored[0].length) }, rule));
}

/** Every sample of a parsed list with what it counts as. */
export function countedSamples(samples: readonly Sample[], rule: Pick<MonitoringRule, 'belowLimit'>): CountedSample[] {
  return samples.map((s) => ({ on: s.on, value: s.value, counted: countedSample(s, rule) }));
}

/**
 * An aggregate of the counted values of a year (at least one; an empty year is missing and
 * never reaches here): the mean, the median (of an even count the mean of the middle two), the
 * smallest, the largest, or how many. Decimal arithmetic throughout.
 */
export function aggregateOf(fn: Aggregate, values: readonly TDec[]): TDec {
  if (fn === 'count') return new TD(values.length);
  if (values.length === 0) throw new RangeError(`${fn} of no samples`);
  switch (fn) {
    case 'mean':
      return values.reduce((sum, v) => sum.plus(v), new TD(0)).div(values.length);
    case 'median': {
      const sorted = [...values].sort((a, b) => a.comparedTo(b));
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? new TD(sorted[middle]!) : sorted[middle - 1]!.plus(sorted[middle]!).div(2);
    }
    case 'min':
      return values.reduce((m, v) => (v.lt(m) ? v : m));
    case 'max':
      return values.reduce((m, v) => (v.gt(m) ? v : m));
  }
}

/** Whether a counted value meets `value op bound`. */
export function meetsBound(value: TDec, op: ShareOperator, bound: TDec): boolean {
  if (op === '<') return value.lt(bound);
  if (op === '<=') return value.lte(bound);
  if (op === '>') return value.gt(bound);
  return value.gte(bound);
}

/** The fraction of the values meeting `value op bound`, from 0 to 1. */
export function shareOf(values: readonly TDec[], op: ShareOperator, bound: TDec): TDec {
  if (values.length === 0) throw new RangeError('share of no samples');
  return new TD(values.filter((v) => meetsBound(v, op, bound)).length).div(values.length);
}

/**
 * The counted values of a measurement: one value as it is, a list of samples each as it counts.
 * Undefined for an empty list (the year is missing the indicator).
 */
export function measurementValues(measurement: Measurement, rule: Pick<MonitoringRule, 'belowLimit'>): TDec[] | undefined {
  if (typeof measurement === 'string') return [new TD(measurement)];
  if (measurement.length === 0) return undefined;
  return measurement.map((s) => countedSample(s, rule));
}

/**
 * What a bare indicator means in a formula: one value as it is, or the annual mean of the
 * samples (censored ones as the rule counts them), as canonical decimal text. Undefined for an
 * empty list. For a page that shows "the year's figure" of a sampled indicator.
 */
export function measurementFigure(measurement: Measurement, rule: Pick<MonitoringRule, 'belowLimit'>): string | undefined {
  const values = measurementValues(measurement, rule);
  if (values === undefined) return undefined;
  return formatTermsDecimal(aggregateOf('mean', values));
}
