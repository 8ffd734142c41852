import Decimal from 'decimal.js';
import { TD, formatTermsDecimal, parseDecimalString, showTermsDecimal, type TDec } from './decimal';
import { message, problemAt, type Message } from '../engine/problem';
import { EvaluationError, evaluateExpression, printExpression } from './expression';
import { DOCUMENT, TermsError, compileTerms, readJson, type CompiledTerms, type PaymentTerms, type Problem } from './schema';

export { isSettled } from './settled-year';

/**
 * Settlement: monitoring data in, `settlement/1` out. A year is settled only
 * when every indicator a formula reads was measured; otherwise it is reported
 * as missing, never settled as 0 — a missing measurement is not a clean one.
 */

export const SETTLEMENT_FORMAT = 'settlement/1';

/** Year ("2019") → indicator → canonical decimal string. */
export type Monitoring = Record<string, Record<string, string>>;
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

export interface TraceStep {
  name: string;
  expr: string;
  /** The expression with every name replaced by its value for the year. */
  substituted: string;
  /** Full precision, as in the settlement. */
  value: string;
  /** `P = 0.9 * (0.25 * 2.31 / 2.6 + …) = 0.871…`, for a reader. */
  text: string;
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
    const row: Record<string, string> = {};
    for (const [indicator, raw] of Object.entries(values)) {
      const at = /^[A-Za-z_]\w*$/.test(indicator) ? `${path}.${indicator}` : `${path}[${JSON.stringify(indicator)}]`;
      if (!declaredSet.has(indicator)) {
        problems.push(problemAt(at, message('engine.unknownIndicatorDeclared', { declared: declared.length ? declared : message('engine.none') })));
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

function runYear(compiled: CompiledTerms, year: number, measured: Record<string, string> | undefined, scheduled: TDec | undefined, trace: boolean): YearRun {
  const missing = compiled.needs.filter((name) => measured === undefined || !Object.hasOwn(measured, name));
  if (compiled.usesScheduled && scheduled === undefined) missing.push('scheduled');
  if (missing.length) return { year, missing, steps: [] };

  const indicators = new Map<string, TDec>(compiled.needs.map((name) => [name, new TD(measured![name]!)]));
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
  const steps: TraceStep[] = [];
  for (const formula of compiled.formulas) {
    let value: TDec;
    try {
      const result = evaluateExpression(formula.expression.root, lookup);
      // Formulas are type-checked to give numbers; this guards the invariant rather than trusting it.
      if (typeof result === 'boolean') throw new EvaluationError(message('engine.gaveCondition'));
      value = result;
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      return { year, failure: { formula: formula.name, error: message('engine.inFormulaFor', { message: e.reason, formula: formula.name, year }) }, steps };
    }
    if (trace) {
      const substituted = printExpression(formula.expression.root, (name) => {
        const v = lookup(name);
        return v === undefined ? undefined : showTermsDecimal(v);
      });
      steps.push({
        name: formula.name,
        expr: formula.expression.source,
        substituted,
        value: formatTermsDecimal(value),
        text: `${formula.name} = ${substituted} = ${showTermsDecimal(value)}`,
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
  return { compiled, monitoring: checked.monitoring, scheduled, years: settlementYears(compiled, checked.monitoring) };
}

/**
 * Settles every year of the terms, from..to: one without the data a formula needs is reported
 * as missing it.
 * Expects terms and monitoring as returned by parseTerms / parseMonitoring
 * and throws TermsError otherwise; failures that depend on the data (a missing
 * indicator, a division by zero) are reported per year instead.
 */
export function settle(terms: PaymentTerms, monitoring: Monitoring, options: SettleOptions = {}): Settlement {
  const { compiled, monitoring: data, scheduled, years } = prepare(terms, monitoring, options);
  let total = new TD(0);
  const out: SettlementYear[] = years.map((year) => {
    const run = runYear(compiled, year, data[String(year)], scheduled.get(year), false);
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
  const { compiled, monitoring: data, scheduled, years } = prepare(terms, monitoring, options);
  return years.map((year) => {
    const run = runYear(compiled, year, data[String(year)], scheduled.get(year), true);
    return {
      year,
      steps: run.steps,
      ...(run.missing ? { missing: run.missing } : {}),
      ...(run.failure ? { error: run.failure.error } : {}),
    };
  });
}
