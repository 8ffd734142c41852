import Decimal from 'decimal.js';
import { TD, formatTermsDecimal, parseDecimalString, showTermsDecimal, type TDec } from './decimal';
import { message, problemAt, type Message } from '../engine/problem';
import { EvaluationError, evaluateExpression, printExpression, type SampleSource } from './expression';
import { shareOperator } from './expression/evaluate';
import { nodesOf, type SampleNode, type TNode } from './expression/tree';
import type { Measurement } from './measurement';
import { monitoringRules, type MonitoringRule } from './monitoring-rules';
import { aggregateOf, countedSamples, meetsBound, parseSamples, type CountedSample, type SampleAggregate, type ShareOperator } from './samples';
import { DOCUMENT, TermsError, compileTerms, readJson, type CompiledTerms, type PaymentTerms, type Problem } from './schema';

export { isSettled } from './settled-year';

/**
 * Settlement: monitoring data in, `settlement/1` out. A year is settled only
 * when every indicator a formula reads was measured; otherwise it is reported
 * as missing, never settled as 0 — a missing measurement is not a clean one.
 * An indicator's year is one value or a list of dated samples (docs/monitoring-samples.md);
 * an empty list is a year not measured.
 */

export const SETTLEMENT_FORMAT = 'settlement/1';

/** Year ("2019") → indicator → a canonical decimal string, or the year's samples in date order. */
export type Monitoring = Record<string, Record<string, Measurement>>;
export type MonitoringOutcome = { ok: true; monitoring: Monitoring } | { ok: false; problems: Problem[] };

export type SettledYear = { year: number; values: Record<string, string>; payment: string };
export type MissingYear = { year: number; missing: string[] };
/** `error` says what failed: `division by zero in formula "unit_price" for 2019`, as a message. */
export type FailedYear = { year: number; formula: string; error: Message };
export type SettlementYear = SettledYear | MissingYear | FailedYear;

export interface Settlement {
  format: typeof SETTLEMENT_FORMAT;
  currency: string;
  unit: number;
  years: SettlementYear[];
  /** Sum of the payment of the settled years. */
  total: string;
}

/** One sample behind an aggregate of a trace step. */
export interface TraceSample {
  /** YYYY-MM-DD. */
  on: string;
  /** As the lab wrote it: `"2.1"`, or `"<0.01"` below the detection limit. */
  value: string;
  /** What it counts as: the value, or for a censored one the terms' substitute (the limit, half of it, or 0). */
  counted: string;
  /** For `share`: whether the sample meets the bound. */
  meets?: boolean;
}

/** An aggregate of one indicator's samples that a formula read: `mean(codmn)`, a bare `codmn` (its annual mean), `share(codmn <= 6)` … */
export interface TraceSamples {
  indicator: string;
  aggregate: SampleAggregate;
  /** For `share`: the comparison with the indicator first (`4 >= x` is `<=` 4) and the bound's value for the year. */
  condition?: { op: ShareOperator; bound: string };
  /** The aggregate's value, full precision. */
  value: string;
  /** Every sample of the year, in date order. */
  values: TraceSample[];
}

export interface TraceStep {
  name: string;
  expr: string;
  /** The expression with every name replaced by its value for the year. */
  substituted: string;
  /** Full precision, as in the settlement. */
  value: string;
  /** `P = 0.9 * (0.25 * 2.31 / 2.6 + …) = 0.871…`, for a reader. */
  text: string;
  /**
   * The samples behind each aggregate the formula read, in the order of the formula; absent when
   * it read no indicator measured by samples (one value per year, as every document before).
   */
  samples?: TraceSamples[];
}

export interface YearTrace {
  year: number;
  steps: TraceStep[];
  missing?: string[];
  error?: Message;
}

/** The scenario's payment per year, in the terms' unit and currency. */
export type Scheduled = Record<string | number, Decimal | string>;

export interface SettleOptions {
  scheduled?: Scheduled;
}

const YEAR = /^\d{4}$/;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Paths as people write them: `2019.codmn`. */
const yearPath = (key: string) => (YEAR.test(key) ? key : JSON.stringify(key));

/** Validates monitoring data against the terms it is settled under. Never throws for bad input. */
export function parseMonitoring(json: unknown, terms: PaymentTerms): MonitoringOutcome {
  const problems: Problem[] = [];
  const monitoring: Monitoring = {};
  if (!isRecord(json)) return { ok: false, problems: [problemAt(DOCUMENT, message('engine.yearsMapping'))] };
  const declared = Object.keys(terms.indicators);
  const declaredSet = new Set(declared);
  const rules = monitoringRules(terms);
  const span = `${terms.from}..${terms.to}`;
  for (const [key, values] of Object.entries(json)) {
    const path = yearPath(key);
    if (!YEAR.test(key)) {
      problems.push(problemAt(path, message('engine.notAFourDigitYear')));
      continue;
    }
    const year = Number(key);
    if (year < terms.from || year > terms.to) problems.push(problemAt(path, message('engine.yearOutsideFromTo', { year, span })));
    if (!isRecord(values)) {
      problems.push(problemAt(path, message('engine.indicatorValues')));
      continue;
    }
    const row: Record<string, Measurement> = {};
    for (const [indicator, raw] of Object.entries(values)) {
      const at = /^[A-Za-z_]\w*$/.test(indicator) ? `${path}.${indicator}` : `${path}[${JSON.stringify(indicator)}]`;
      if (!declaredSet.has(indicator)) {
        problems.push(problemAt(at, message('engine.unknownIndicatorDeclared', { declared: declared.length ? declared : message('engine.none') })));
        continue;
      }
      if (Array.isArray(raw)) {
        const samples = parseSamples(raw, year, rules[indicator]!, at);
        if (samples.ok) row[indicator] = samples.samples;
        else problems.push(...samples.problems);
        continue;
      }
      const parsed = parseDecimalString(raw, 'engine.notANumber', '2.31');
      if (!parsed.ok) problems.push(problemAt(at, parsed.reason));
      else row[indicator] = parsed.text;
    }
    monitoring[key] = row;
  }
  return problems.length ? { ok: false, problems } : { ok: true, monitoring };
}

/** parseMonitoring on raw text, with the 5 MB limit. */
export function parseMonitoringText(text: string, terms: PaymentTerms): MonitoringOutcome {
  const json = readJson(text);
  return json.ok ? parseMonitoring(json.json, terms) : json;
}

function scheduledValues(scheduled: Scheduled | undefined): Map<number, TDec> {
  const out = new Map<number, TDec>();
  if (scheduled === undefined) return out;
  const problems: Problem[] = [];
  for (const [key, raw] of Object.entries(scheduled)) {
    if (!YEAR.test(key)) {
      problems.push(problemAt(`scheduled.${key}`, message('engine.notAFourDigitYear')));
      continue;
    }
    const parsed = Decimal.isDecimal(raw)
      ? raw.isFinite()
        ? { ok: true as const, value: new TD(raw) }
        : { ok: false as const, reason: message('engine.notANumber') }
      : parseDecimalString(raw, 'engine.notANumber', '1000');
    if (parsed.ok) out.set(Number(key), parsed.value);
    else problems.push(problemAt(`scheduled.${key}`, parsed.reason));
  }
  if (problems.length) throw new TermsError(problems);
  return out;
}

interface YearRun {
  year: number;
  values?: Map<string, TDec>;
  missing?: string[];
  failure?: { formula: string; error: Message };
  steps: TraceStep[];
}

/** Whether a year has a measurement of an indicator: a value, or at least one sample. */
const measuredIn = (measured: Record<string, Measurement> | undefined, name: string): boolean =>
  measured !== undefined && Object.hasOwn(measured, name) && (typeof measured[name] === 'string' || measured[name]!.length > 0);

/** An indicator's year: what a bare name means (one value, or the mean of the samples), and the samples with what each counts as. */
interface Measured {
  figure: TDec;
  samples?: CountedSample[];
}

function readMeasurement(measurement: Measurement, rule: MonitoringRule): Measured {
  if (typeof measurement === 'string') return { figure: new TD(measurement) };
  const samples = countedSamples(measurement, rule);
  return {
    figure: aggregateOf(
      'mean',
      samples.map((s) => s.counted),
    ),
    samples,
  };
}

const sampleKey = (node: SampleNode | { kind: 'name'; name: string }, bound?: TDec) =>
  node.kind === 'name' ? `mean ${node.name}` : node.kind === 'aggregate' ? `${node.fn} ${node.indicator}` : `share ${node.indicator} ${shareOperator(node)} ${bound?.toString() ?? ''}`;

/** The samples behind a formula's aggregates for the trace: bare indicators (their annual mean) and every aggregate evaluated, in the formula's order. */
function traceSamples(root: TNode, measured: ReadonlyMap<string, Measured>, seen: ReadonlyMap<SampleNode, { value: TDec; bound?: TDec }>): TraceSamples[] {
  const out = new Map<string, TraceSamples>();
  for (const node of nodesOf(root)) {
    const indicator = node.kind === 'name' ? node.name : node.kind === 'aggregate' || node.kind === 'share' ? node.indicator : undefined;
    const samples = indicator === undefined ? undefined : measured.get(indicator)?.samples;
    if (indicator === undefined || samples === undefined) continue;
    if (node.kind === 'name') {
      const key = sampleKey(node);
      if (!out.has(key)) out.set(key, { indicator, aggregate: 'mean', value: formatTermsDecimal(measured.get(indicator)!.figure), values: samples.map(traceSample) });
      continue;
    }
    if (node.kind !== 'aggregate' && node.kind !== 'share') continue;
    // An aggregate in a branch not taken was not evaluated, and is not listed.
    const result = seen.get(node);
    if (result === undefined) continue;
    const key = sampleKey(node, result.bound);
    if (out.has(key)) continue;
    if (node.kind === 'aggregate') out.set(key, { indicator, aggregate: node.fn, value: formatTermsDecimal(result.value), values: samples.map(traceSample) });
    else {
      const op = shareOperator(node);
      const bound = result.bound!;
      out.set(key, {
        indicator,
        aggregate: 'share',
        condition: { op, bound: formatTermsDecimal(bound) },
        value: formatTermsDecimal(result.value),
        values: samples.map((s) => ({ ...traceSample(s), meets: meetsBound(s.counted, op, bound) })),
      });
    }
  }
  return [...out.values()];
}

const traceSample = (s: CountedSample): TraceSample => ({ on: s.on, value: s.value, counted: formatTermsDecimal(s.counted) });

function runYear(
  compiled: CompiledTerms,
  rules: Record<string, MonitoringRule>,
  year: number,
  measured: Record<string, Measurement> | undefined,
  scheduled: TDec | undefined,
  trace: boolean,
): YearRun {
  const missing = compiled.needs.filter((name) => !measuredIn(measured, name));
  if (compiled.usesScheduled && scheduled === undefined) missing.push('scheduled');
  if (missing.length) return { year, missing, steps: [] };

  const read = new Map<string, Measured>(compiled.needs.map((name) => [name, readMeasurement(measured![name]!, rules[name]!)]));
  const indicators = new Map<string, TDec>([...read].map(([name, m]) => [name, m.figure]));
  const values = new Map<string, TDec>();
  const yearValue = new TD(year);
  const lookup = (name: string): TDec | undefined => {
    if (values.has(name)) return values.get(name);
    if (compiled.constants.has(name)) return compiled.constants.get(name);
    if (indicators.has(name)) return indicators.get(name);
    if (name === 'year') return yearValue;
    if (name === 'scheduled') return scheduled;
    return undefined;
  };
  let seen = new Map<SampleNode, { value: TDec; bound?: TDec }>();
  const samples: SampleSource = {
    values: (name) => read.get(name)?.samples?.map((s) => s.counted),
    ...(trace ? { seen: (node: SampleNode, value: TDec, bound?: TDec) => seen.set(node, bound === undefined ? { value } : { value, bound }) } : {}),
  };
  const steps: TraceStep[] = [];
  for (const formula of compiled.formulas) {
    let value: TDec;
    seen = new Map();
    try {
      const result = evaluateExpression(formula.expression.root, lookup, samples);
      // Formulas are type-checked to give numbers; this guards the invariant rather than trusting it.
      if (typeof result === 'boolean') throw new EvaluationError(message('engine.gaveCondition'));
      value = result;
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      return { year, failure: { formula: formula.name, error: message('engine.inFormulaFor', { message: e.reason, formula: formula.name, year }) }, steps };
    }
    if (trace) {
      const substituted = printExpression(
        formula.expression.root,
        (name) => {
          const v = lookup(name);
          return v === undefined ? undefined : showTermsDecimal(v);
        },
        (node) => {
          const v = seen.get(node)?.value;
          return v === undefined ? undefined : showTermsDecimal(v);
        },
      );
      const behind = traceSamples(formula.expression.root, read, seen);
      steps.push({
        name: formula.name,
        expr: formula.expression.source,
        substituted,
        value: formatTermsDecimal(value),
        text: `${formula.name} = ${substituted} = ${showTermsDecimal(value)}`,
        ...(behind.length ? { samples: behind } : {}),
      });
    }
    values.set(formula.name, value);
  }
  return { year, values, steps };
}

/**
 * The years settled: every year of from..to, so that a year nobody reported on is listed as
 * missing each indicator it needs, never left out; and any year of data outside them (which
 * parseMonitoring refuses before this is reached, so only as a safeguard).
 */
function settlementYears(compiled: CompiledTerms, monitoring: Monitoring): number[] {
  const { from, to } = compiled.terms;
  const years = new Set<number>();
  for (let year = from; year <= to; year++) years.add(year);
  for (const key of Object.keys(monitoring)) years.add(Number(key));
  return [...years].sort((a, b) => a - b);
}

function prepare(terms: PaymentTerms, monitoring: Monitoring, options: SettleOptions) {
  const compiled = compileTerms(terms);
  const checked = parseMonitoring(monitoring, compiled.terms);
  if (!checked.ok) throw new TermsError(checked.problems);
  const scheduled = scheduledValues(options.scheduled);
  return { compiled, rules: monitoringRules(compiled.terms), monitoring: checked.monitoring, scheduled, years: settlementYears(compiled, checked.monitoring) };
}

/**
 * Settles every year of the terms, from..to: one without the data a formula needs is reported
 * as missing it.
 * Expects terms and monitoring as returned by parseTerms / parseMonitoring
 * and throws TermsError otherwise; failures that depend on the data (a missing
 * indicator, a division by zero) are reported per year instead.
 */
export function settle(terms: PaymentTerms, monitoring: Monitoring, options: SettleOptions = {}): Settlement {
  const { compiled, rules, monitoring: data, scheduled, years } = prepare(terms, monitoring, options);
  let total = new TD(0);
  const out: SettlementYear[] = years.map((year) => {
    const run = runYear(compiled, rules, year, data[String(year)], scheduled.get(year), false);
    if (run.missing) return { year, missing: run.missing };
    if (run.failure) return { year, ...run.failure };
    const payment = run.values!.get('payment')!;
    total = total.plus(payment);
    const values: Record<string, string> = {};
    for (const [name, value] of run.values!) values[name] = formatTermsDecimal(value);
    return { year, values, payment: formatTermsDecimal(payment) };
  });
  return { format: SETTLEMENT_FORMAT, currency: compiled.terms.currency, unit: compiled.terms.unit, years: out, total: formatTermsDecimal(total) };
}

/** Each formula of each settled year with its values substituted: the "why this number" of the UI. */
export function traceSettlement(terms: PaymentTerms, monitoring: Monitoring, options: SettleOptions = {}): YearTrace[] {
  const { compiled, rules, monitoring: data, scheduled, years } = prepare(terms, monitoring, options);
  return years.map((year) => {
    const run = runYear(compiled, rules, year, data[String(year)], scheduled.get(year), true);
    return {
      year,
      steps: run.steps,
      ...(run.missing ? { missing: run.missing } : {}),
      ...(run.failure ? { error: run.failure.error } : {}),
    };
  });
}
