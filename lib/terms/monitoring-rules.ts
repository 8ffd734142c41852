import { message, problemAt, type CodedProblem, type Message } from '../engine/problem';
import { formatPath } from '../engine/field-path';
import { TD, type TDec } from './decimal';

/**
 * How the parties agreed to measure (docs/terms.md, "Monitoring rules"): per indicator its unit,
 * the plausible range, whether lower or higher is better, the tolerance between the two labs,
 * which labs must report, how a result below the detection limit counts, and how often samples
 * are taken; and who funds the payments. They are part of the signed terms, so a settlement judges
 * a result by the rule both sides signed and not by a setting the fund may change later.
 *
 * Every field is optional in a document; a document without them (all older ones) reads with the
 * defaults of `defaultRule`, which are stated in docs/terms.md.
 */

export const directions = ['lower', 'higher'] as const;
export type Direction = (typeof directions)[number];

/**
 * Which labs must have reported before a year can settle: both parties' labs, one party's, the
 * lab the fund commissions, or any one of them.
 */
export const labRules = ['both', 'upstream', 'downstream', 'fund', 'either'] as const;
export type LabRule = (typeof labRules)[number];

/** What a censored result ("<0.01") counts as: the limit itself, half of it, or zero. */
export const belowLimitRules = ['limit', 'half', 'zero'] as const;
export type BelowLimitRule = (typeof belowLimitRules)[number];

export const frequencies = ['yearly', 'quarterly', 'monthly'] as const;

/** How two labs' samples are compared: their annual figures (the default), or date by date where both sampled. */
export const comparisons = ['aggregate', 'sample'] as const;
export type Comparison = (typeof comparisons)[number];
export type Frequency = (typeof frequencies)[number];

/** The funders of the payments to the upstream party, as the terms name them. */
export const termsFunders = ['central', 'downstream', 'upstream'] as const;
export type TermsFunder = (typeof termsFunders)[number];

export interface LabTolerance {
  /** The largest difference accepted, in the indicator's unit; null when not agreed. */
  absolute: string | null;
  /** The largest difference as a fraction of the mean of the two results; null when not agreed. */
  relative: string | null;
}

/** One indicator's rule as written in the document: every field optional. */
export interface MonitoringRuleInput {
  unit?: string;
  min?: string;
  max?: string;
  direction?: Direction;
  tolerance?: { absolute?: string; relative?: string };
  labs?: LabRule;
  belowLimit?: BelowLimitRule;
  frequency?: Frequency;
  compare?: Comparison;
}

/** One indicator's rule with every default filled in. */
export interface MonitoringRule {
  unit: string;
  min: string | null;
  max: string | null;
  direction: Direction;
  tolerance: LabTolerance;
  labs: LabRule;
  belowLimit: BelowLimitRule;
  frequency: Frequency;
}

/** The defaults for an indicator the document says nothing about (docs/terms.md). */
export function defaultRule(unit: string): MonitoringRule {
  // A measured quantity is never negative; a rule that needs negative values says so with `min`.
  return { unit, min: '0', max: null, direction: 'lower', tolerance: { absolute: null, relative: null }, labs: 'both', belowLimit: 'limit', frequency: 'yearly' };
}

/** The rule of every declared indicator, defaults filled in. */
export function monitoringRules(terms: { indicators: Record<string, string>; monitoring?: Record<string, MonitoringRuleInput> }): Record<string, MonitoringRule> {
  const rules: Record<string, MonitoringRule> = {};
  for (const [indicator, unit] of Object.entries(terms.indicators)) {
    const written = terms.monitoring?.[indicator] ?? {};
    const base = defaultRule(written.unit ?? unit);
    rules[indicator] = {
      ...base,
      ...(written.min === undefined ? {} : { min: written.min }),
      ...(written.max === undefined ? {} : { max: written.max }),
      ...(written.direction === undefined ? {} : { direction: written.direction }),
      ...(written.labs === undefined ? {} : { labs: written.labs }),
      ...(written.belowLimit === undefined ? {} : { belowLimit: written.belowLimit }),
      ...(written.frequency === undefined ? {} : { frequency: written.frequency }),
      tolerance: { absolute: written.tolerance?.absolute ?? null, relative: written.tolerance?.relative ?? null },
    };
  }
  return rules;
}

// ------------------------------------------------------------- reading the sections of a document

type Loose = Record<string, unknown>;
const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
type Path = (string | number)[];

/** A plain decimal as agreed values and lab results are written: no exponent, no blanks. */
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function plainDecimal(raw: unknown): { ok: true; value: TDec; text: string } | { ok: false; reason: Message } {
  if (typeof raw === 'number') return { ok: false, reason: message('engine.writeAsString', { reason: message('engine.notADecimal'), example: '0.005' }) };
  if (typeof raw !== 'string' || !PLAIN_DECIMAL.test(raw)) return { ok: false, reason: message('engine.notAPlainDecimal', { value: typeof raw === 'string' ? raw : String(raw) }) };
  const value = new TD(raw);
  return { ok: true, value, text: value.isZero() ? '0' : value.toString() };
}

const oneOf = <T extends string>(values: readonly T[], raw: unknown): raw is T => typeof raw === 'string' && (values as readonly string[]).includes(raw);

const RULE_FIELDS = ['unit', 'min', 'max', 'direction', 'tolerance', 'labs', 'belowLimit', 'frequency', 'compare'];

function readRule(raw: unknown, path: Path, problems: CodedProblem[]): MonitoringRuleInput {
  const problem = (at: Path, what: Message) => problems.push(problemAt(formatPath(at), what));
  const rule: MonitoringRuleInput = {};
  if (!isRecord(raw)) {
    problem(path, message('engine.expectedGot', { expected: message('engine.anObject'), got: raw === null ? 'null' : Array.isArray(raw) ? message('engine.aList') : typeof raw }));
    return rule;
  }
  for (const key of Object.keys(raw)) if (!RULE_FIELDS.includes(key)) problem([...path, key], message('engine.keyed', { message: message('engine.unknownField'), key }));
  if (raw.unit !== undefined) {
    if (typeof raw.unit === 'string' && raw.unit.length <= 100) rule.unit = raw.unit;
    else problem([...path, 'unit'], message('engine.unitAsText'));
  }
  const bounds: Partial<Record<'min' | 'max', TDec>> = {};
  for (const key of ['min', 'max'] as const) {
    if (raw[key] === undefined) continue;
    const parsed = plainDecimal(raw[key]);
    if (parsed.ok) {
      rule[key] = parsed.text;
      bounds[key] = parsed.value;
    } else problem([...path, key], parsed.reason);
  }
  if (bounds.min && bounds.max && bounds.min.greaterThan(bounds.max)) problem([...path, 'max'], message('engine.maxBelowMin', { min: rule.min!, max: rule.max! }));
  const choices = [
    ['direction', directions],
    ['labs', labRules],
    ['belowLimit', belowLimitRules],
    ['frequency', frequencies],
    ['compare', comparisons],
  ] as const;
  for (const [key, values] of choices) {
    const value = raw[key];
    if (value === undefined) continue;
    if (oneOf<string>(values, value)) (rule as Record<string, string>)[key] = value;
    else problem([...path, key], message('engine.notOneOf', { value: String(value), values: [...values] }));
  }
  if (raw.tolerance !== undefined) {
    if (!isRecord(raw.tolerance)) problem([...path, 'tolerance'], message('engine.expectedGot', { expected: message('engine.anObject'), got: typeof raw.tolerance }));
    else {
      const tolerance: { absolute?: string; relative?: string } = {};
      for (const key of Object.keys(raw.tolerance))
        if (key !== 'absolute' && key !== 'relative') problem([...path, 'tolerance', key], message('engine.keyed', { message: message('engine.unknownField'), key }));
      for (const key of ['absolute', 'relative'] as const) {
        if (raw.tolerance[key] === undefined) continue;
        const parsed = plainDecimal(raw.tolerance[key]);
        if (!parsed.ok) problem([...path, 'tolerance', key], parsed.reason);
        else if (parsed.value.isNegative()) problem([...path, 'tolerance', key], message('engine.negativeTolerance'));
        else tolerance[key] = parsed.text;
      }
      rule.tolerance = tolerance;
    }
  }
  return rule;
}

export interface MonitoringSections {
  monitoring?: Record<string, MonitoringRuleInput>;
  fundingShares?: Record<TermsFunder, string>;
  problems: CodedProblem[];
}

/**
 * The `monitoring` and `fundingShares` sections of a terms document, checked against its declared
 * indicators. Absent sections stay absent, so an older document reads (and hashes) as it did.
 */
export function readMonitoringSections(document: unknown): MonitoringSections {
  const problems: CodedProblem[] = [];
  const out: MonitoringSections = { problems };
  if (!isRecord(document)) return out;
  const indicators = new Set(isRecord(document.indicators) ? Object.keys(document.indicators) : []);

  if (document.monitoring !== undefined) {
    if (!isRecord(document.monitoring)) problems.push(problemAt('monitoring', message('engine.expectedNames')));
    else {
      const monitoring: Record<string, MonitoringRuleInput> = {};
      for (const name of Object.keys(document.monitoring)) {
        if (!indicators.has(name)) problems.push(problemAt(formatPath(['monitoring', name]), message('engine.notAnIndicator', { name })));
        const rule = readRule(document.monitoring[name], ['monitoring', name], problems);
        // Object.defineProperty: a key named "__proto__" stays a key, not a prototype.
        Object.defineProperty(monitoring, name, { value: rule, enumerable: true, writable: true, configurable: true });
      }
      out.monitoring = monitoring;
    }
  }

  if (document.fundingShares !== undefined) {
    const raw = document.fundingShares;
    if (!isRecord(raw)) problems.push(problemAt('fundingShares', message('engine.expectedNames')));
    else {
      const shares = { central: '0', downstream: '0', upstream: '0' } as Record<TermsFunder, string>;
      let total = new TD(0);
      let readable = true;
      for (const key of Object.keys(raw)) {
        if (!oneOf(termsFunders, key)) {
          problems.push(problemAt(formatPath(['fundingShares', key]), message('engine.notOneOf', { value: key, values: [...termsFunders] })));
          continue;
        }
        const parsed = plainDecimal(raw[key]);
        if (!parsed.ok) {
          readable = false;
          problems.push(problemAt(formatPath(['fundingShares', key]), parsed.reason));
        } else if (parsed.value.isNegative() || parsed.value.greaterThan(1)) {
          readable = false;
          problems.push(problemAt(formatPath(['fundingShares', key]), message('engine.shareBetween')));
        } else {
          shares[key] = parsed.text;
          total = total.plus(parsed.value);
        }
      }
      if (readable && !total.equals(1)) problems.push(problemAt('fundingShares', message('engine.sharesAddUpTo', { total: total.toString() })));
      out.fundingShares = shares;
    }
  }
  return out;
}

// ------------------------------------------------------------- lab results under a rule

/** A lab's result: a measured value, or "below the detection limit" with the limit. */
export type LabResult = { kind: 'measured'; value: string } | { kind: 'belowLimit'; limit: string };

export type LabResultParse = { ok: true; result: LabResult } | { ok: false; reason: Message };

// Labs write "<0.01", "< 0.01" or with the full-width sign of Chinese input methods ("＜0.01").
const BELOW = /^[<＜]\s*/;

/**
 * A lab's result as typed or imported: a plain decimal ("1e3" is refused: no lab writes that, and
 * a typo of it must not become 1000) within the rule's plausible range, or a censored result below
 * the detection limit.
 */
export function parseLabResult(raw: string, rule: MonitoringRule): LabResultParse {
  const text = raw.trim();
  const below = BELOW.test(text);
  const parsed = plainDecimal(text.replace(BELOW, ''));
  if (!parsed.ok) return { ok: false, reason: message('engine.notAPlainDecimal', { value: raw }) };
  const value = parsed.value;
  if (below && !value.greaterThan(0)) return { ok: false, reason: message('engine.limitNotPositive', { value: raw }) };
  if (rule.min !== null && value.lessThan(rule.min)) return { ok: false, reason: message('engine.belowPlausible', { value: parsed.text, min: rule.min, unit: rule.unit }) };
  if (rule.max !== null && value.greaterThan(rule.max)) return { ok: false, reason: message('engine.abovePlausible', { value: parsed.text, max: rule.max, unit: rule.unit }) };
  return { ok: true, result: below ? { kind: 'belowLimit', limit: parsed.text } : { kind: 'measured', value: parsed.text } };
}

/** How a result is written back: "<0.01" for a censored one. */
export function labResultText(result: LabResult): string {
  return result.kind === 'measured' ? result.value : `<${result.limit}`;
}

/** The value a result counts as in a formula and in the comparison of the two labs. */
export function countedValue(result: LabResult, rule: Pick<MonitoringRule, 'belowLimit'>): string {
  if (result.kind === 'measured') return result.value;
  if (rule.belowLimit === 'zero') return '0';
  if (rule.belowLimit === 'half') return new TD(result.limit).dividedBy(2).toString();
  return result.limit;
}

/** Whether a value meets a target under the indicator's direction (lower or higher is better). */
export function meetsTarget(value: string, target: string, direction: Direction): boolean {
  const v = new TD(value);
  return direction === 'lower' ? v.lessThanOrEqualTo(target) : v.greaterThanOrEqualTo(target);
}

/**
 * Which required labs have not reported: under "both" each missing party's, under one lab's rule
 * that lab, under "either" `either` while none has.
 */
export type Lab = 'upstream' | 'downstream' | 'fund';

export function missingLabs(rule: Pick<MonitoringRule, 'labs'>, reported: ReadonlySet<Lab>): (Lab | 'either')[] {
  if (rule.labs === 'either') return reported.size ? [] : ['either'];
  const required = rule.labs === 'both' ? (['upstream', 'downstream'] as const) : [rule.labs];
  return required.filter((side) => !reported.has(side));
}
