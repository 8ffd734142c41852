// zod/mini, as the engine's schema: the terms editor parses the document live in the browser (docs/decisions/0099-page-weight-under-200-kb.md).
import * as z from 'zod/mini';
import { isMessage, message, problemAt, type CodedProblem, type Message } from '../engine/problem';
import { formatPath } from '../engine/field-path';
import { MAX_DOCUMENT_BYTES, ZUnit, exceedsBytes } from '../engine/schema';
import { parseDecimalString, type TDec } from './decimal';
import { MAX_EXPRESSION_LENGTH, compileExpression, describeRefusal, type CompiledExpression } from './expression';
import { readMonitoringSections, type MonitoringRuleInput, type TermsFunder } from './monitoring-rules';
import { nameProblem, PAYMENT_FORMULA } from './names';
import { readPartiesSection, type PartiesSection } from './parties';

/**
 * The `payment-terms/1` document (docs: /work/shared/payment-terms-format.md,
 * docs/terms.md). Parsing checks every field and compiles every formula, so
 * terms that parse can always be settled: the only failures left for
 * settlement are those that depend on the year's data.
 */

export const TERMS_FORMAT = 'payment-terms/1';
export { MAX_DOCUMENT_BYTES };

/** What is wrong where in a document: a catalogue code with its parameters (lib/engine/problem.ts). */
export type Problem = CodedProblem;

// Generous for any real agreement; they bound the work one document can ask for.
export const MAX_FORMULAS = 200;
export const MAX_NAMES = 1_000;

export interface Formula {
  name: string;
  expr: string;
}

export interface PaymentTerms {
  format: typeof TERMS_FORMAT;
  name: string;
  currency: string;
  /** How many currency units one amount stands for (1, 1000, 10000 …). */
  unit: number;
  from: number;
  to: number;
  /** Name → canonical decimal string. */
  constants: Record<string, string>;
  /** Name → measurement unit ("mg/L"). */
  indicators: Record<string, string>;
  formulas: Formula[];
  /** Indicator → how it is measured and judged (docs/terms.md); absent = the defaults. */
  monitoring?: Record<string, MonitoringRuleInput>;
  /** Who funds the payments to the upstream party, fractions adding up to 1; absent = not agreed in the terms. */
  fundingShares?: Record<TermsFunder, string>;
  /** The parties on each side and the funders, with their shares (lib/terms/parties.ts); absent = one party per side. */
  parties?: PartiesSection;
}

export type TermsOutcome = { ok: true; terms: PaymentTerms } | { ok: false; problems: Problem[] };

type Loose = Record<string, unknown>;
const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isYear = (value: unknown): value is number => Number.isInteger(value);

// A zod message here is a catalogue code; coded() adds the parameters from the issue.
const text = z.string().check(z.minLength(1, 'engine.mustNotBeEmpty'));
const year = z.int({ error: 'engine.notAWholeYear' }).check(z.minimum(1000, 'engine.notAFourDigitYear'), z.maximum(9999, 'engine.notAFourDigitYear'));
/** A custom issue carries its message whole, parameters included. */
const issue = (what: Message) => ({ code: 'custom' as const, message: what.code, params: { message: what } });
const ZName = z.string().check(
  z.superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue(issue(problem));
  }),
);

/**
 * A map from names to values, checked by hand on the raw object: zod's record
 * would assign a "__proto__" key on its output object (changing its prototype)
 * before any check could refuse it.
 */
function nameMap(value: (raw: unknown) => { ok: true; text: string } | { ok: false; reason: Message }) {
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((raw: unknown, ctx): Record<string, string> => {
      const out: Record<string, string> = {};
      if (raw === undefined) return out;
      if (!isRecord(raw)) {
        ctx.issues.push({ ...issue(message('engine.expectedNames')), input: raw });
        return out;
      }
      const keys = Object.keys(raw);
      if (keys.length > MAX_NAMES) {
        ctx.issues.push({ ...issue(message('engine.moreThanNames', { max: MAX_NAMES })), input: raw });
        return out;
      }
      for (const key of keys) {
        const problem = nameProblem(key);
        if (problem) ctx.issues.push({ ...issue(problem), path: [key], input: key });
        const parsed = value(raw[key]);
        if (!parsed.ok) ctx.issues.push({ ...issue(parsed.reason), path: [key], input: raw[key] });
        if (!problem && parsed.ok) out[key] = parsed.text;
      }
      return out;
    }),
  );
}

const constantValue = (raw: unknown) => parseDecimalString(raw, 'engine.notADecimal', '0.9');
const indicatorUnit = (raw: unknown): { ok: true; text: string } | { ok: false; reason: Message } =>
  typeof raw === 'string' && raw.length <= 100 ? { ok: true, text: raw } : { ok: false, reason: message('engine.unitAsText') };

const ZFormula = z.strictObject({
  name: ZName,
  expr: z.string().check(z.minLength(1, 'engine.mustNotBeEmpty'), z.maxLength(MAX_EXPRESSION_LENGTH, 'engine.longerThan')),
});

export const ZTermsShape = z.strictObject({
  format: z.literal(TERMS_FORMAT, { error: 'engine.mustBeFormat' }),
  name: text,
  currency: text,
  unit: ZUnit,
  from: year,
  to: year,
  constants: nameMap(constantValue),
  indicators: nameMap(indicatorUnit),
  formulas: z.array(ZFormula).check(z.minLength(1, 'engine.atLeastOneFormula'), z.maxLength(MAX_FORMULAS, 'engine.moreThanFormulas')),
  // Read by readMonitoringSections, which checks them against the declared indicators.
  monitoring: z.optional(z.unknown()),
  fundingShares: z.optional(z.unknown()),
  // Read by readPartiesSection.
  parties: z.optional(z.unknown()),
});

const KINDS: Record<string, string> = { array: 'engine.aList', object: 'engine.anObject', string: 'engine.aString', number: 'engine.aNumber', boolean: 'engine.aBoolean', int: 'engine.aNumber' };
const kind = (name: string): Message | string => (KINDS[name] ? message(KINDS[name]) : name);

function describe(input: unknown): Message | string {
  if (input === null) return 'null';
  return kind(Array.isArray(input) ? 'array' : typeof input);
}

/** A zod issue of this schema as the message it stands for. */
function coded(iss: z.core.$ZodIssue): Message {
  if (iss.code === 'custom' && isMessage(iss.params?.message)) return iss.params.message;
  // The unit is the engine's field (ZUnit); whatever it says, the rule is a positive whole number.
  if (iss.path.length === 1 && iss.path[0] === 'unit') return iss.code === 'custom' ? message('engine.notPositiveWhole', { value: String(iss.input) }) : message('engine.notANumber');
  // zod's own wording: only a missing field or one of the wrong type gets here.
  if (!iss.message.startsWith('engine.')) {
    const expected = iss.code === 'invalid_type' ? iss.expected : 'object';
    return iss.input === undefined ? message('engine.missingRequired') : message('engine.expectedGot', { expected: kind(expected), got: describe(iss.input) });
  }
  if (iss.code === 'too_big') return message(iss.message, { max: Number(iss.maximum) });
  if (iss.code === 'invalid_value') return message(iss.message, { format: String(iss.values[0]) });
  return message(iss.message);
}

/** Problems of a failed parse, an unknown field once per key. */
function issueProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((iss) =>
    iss.code === 'unrecognized_keys'
      ? iss.keys.map((key) => problemAt(formatPath([...iss.path, key]), message('engine.keyed', { message: message('engine.unknownField'), key })))
      : [problemAt(formatPath(iss.path), coded(iss))],
  );
}

/** A compiled formula, in document order. */
export interface CompiledFormula {
  index: number;
  name: string;
  expression: CompiledExpression;
}

export interface CompiledTerms {
  terms: PaymentTerms;
  constants: ReadonlyMap<string, TDec>;
  formulas: CompiledFormula[];
  /** Indicators some formula reads, in declaration order: a year lacking one is "missing". */
  needs: string[];
  usesScheduled: boolean;
}

type Path = (string | number)[];

/**
 * Rules across fields, and the compilation of every formula, on a tolerant
 * reading of the document: they are reported in the same pass as problems of
 * single fields. Problems of a name itself are zod's; here a badly written
 * name still counts as declared, so that one typo is reported once rather
 * than again as "unknown name" in every formula that uses it.
 */
function crossFieldRules(document: unknown): { problems: Problem[]; compiled: CompiledFormula[]; constants: Map<string, TDec> } {
  const problems: Problem[] = [];
  const compiled: CompiledFormula[] = [];
  const constants = new Map<string, TDec>();
  const problem = (path: Path, what: Message) => problems.push(problemAt(formatPath(path), what));
  if (!isRecord(document)) return { problems, compiled, constants };

  if (isYear(document.from) && isYear(document.to) && document.to < document.from) problem(['to'], message('engine.beforeFrom', { to: document.to, from: document.from }));

  const constantNames = new Set(isRecord(document.constants) ? Object.keys(document.constants) : []);
  const indicatorNames = new Set(isRecord(document.indicators) ? Object.keys(document.indicators) : []);
  if (isRecord(document.constants)) {
    for (const [name, raw] of Object.entries(document.constants)) {
      const parsed = constantValue(raw);
      if (parsed.ok && !nameProblem(name)) constants.set(name, parsed.value);
    }
  }
  for (const name of indicatorNames) if (constantNames.has(name)) problem(['indicators', name], message('engine.alreadyConstant', { name }));

  const formulas = Array.isArray(document.formulas) ? document.formulas.slice(0, MAX_FORMULAS) : [];
  const names = formulas.map((f: unknown) => (isRecord(f) && typeof f.name === 'string' ? f.name : undefined));
  const firstIndex = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === undefined) return;
    if (constantNames.has(name)) problem(['formulas', i, 'name'], message('engine.alreadyConstant', { name }));
    else if (indicatorNames.has(name)) problem(['formulas', i, 'name'], message('engine.alreadyIndicator', { name }));
    else if (firstIndex.has(name)) problem(['formulas', i, 'name'], message('engine.alreadyFormula', { name, formulasField: 'formulas', index: firstIndex.get(name)! }));
    if (!firstIndex.has(name)) firstIndex.set(name, i);
  });
  if (Array.isArray(document.formulas) && !names.includes(PAYMENT_FORMULA)) {
    problem(['formulas'], message('engine.noPayment'));
  }

  const known = new Map(constants);
  const earlier = new Set<string>();
  formulas.forEach((formula: unknown, i) => {
    const name = names[i];
    if (isRecord(formula) && typeof formula.expr === 'string' && formula.expr.length > 0 && formula.expr.length <= MAX_EXPRESSION_LENGTH) {
      const later = new Map<string, number>();
      for (let j = names.length - 1; j > i; j--) if (names[j] !== undefined) later.set(names[j]!, j);
      const outcome = compileExpression(formula.expr, {
        constants: constantNames,
        known,
        indicators: indicatorNames,
        earlier,
        later,
        ...(name === undefined ? {} : { self: name }),
      });
      if (!outcome.ok) problem(['formulas', i, 'expr'], describeRefusal(outcome.refusal, name));
      else if (name !== undefined) {
        compiled.push({ index: i, name, expression: outcome.expression });
        if (outcome.expression.constant !== undefined && !known.has(name)) known.set(name, outcome.expression.constant);
      }
    }
    // A duplicate name stays bound to its first formula.
    if (name !== undefined && firstIndex.get(name) === i) earlier.add(name);
  });
  return { problems, compiled, constants };
}

/** Validates a parsed JSON value. Never throws for bad input. */
export function parseTerms(json: unknown): TermsOutcome {
  const result = ZTermsShape.safeParse(json, { reportInput: true });
  const problems = result.success ? [] : issueProblems(result.error.issues);
  const seen = new Set(problems.map((p) => JSON.stringify(p)));
  const sections = readMonitoringSections(json);
  const parties = readPartiesSection(json);
  for (const p of [...crossFieldRules(json).problems, ...sections.problems, ...parties.problems]) if (!seen.has(JSON.stringify(p))) problems.push(p);
  if (!result.success || problems.length > 0) return { ok: false, problems };
  const { monitoring: _monitoring, fundingShares: _fundingShares, parties: _parties, ...rest } = result.data;
  // Absent sections stay absent: an older document reads, and hashes, as it did.
  const terms: PaymentTerms = { ...(rest as Omit<PaymentTerms, 'monitoring' | 'fundingShares' | 'parties'>) };
  if (sections.monitoring) terms.monitoring = sections.monitoring;
  if (sections.fundingShares) terms.fundingShares = sections.fundingShares;
  if (parties.parties) terms.parties = parties.parties;
  return { ok: true, terms };
}

/** The path of a problem with the whole document. */
export const DOCUMENT = '(document)';

export type JsonOutcome = { ok: true; json: unknown } | { ok: false; problems: Problem[] };

/** The shared first step of every *Text parser: size limit, then JSON.parse. */
export function readJson(text: unknown): JsonOutcome {
  if (typeof text !== 'string') return { ok: false, problems: [problemAt(DOCUMENT, message('engine.notText'))] };
  if (exceedsBytes(text, MAX_DOCUMENT_BYTES)) return { ok: false, problems: [problemAt(DOCUMENT, message('engine.largerThanMb', { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 }))] };
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, problems: [problemAt(DOCUMENT, message('engine.notValidJson', { detail: e instanceof Error ? e.message : String(e) }))] };
  }
}

/** Parses and validates the raw text of a document. Never throws for bad input. */
export function parseTermsText(text: string): TermsOutcome {
  const json = readJson(text);
  return json.ok ? parseTerms(json.json) : json;
}

/** Thrown when code hands this module a document that never went through its parser. Its message lists the codes. */
export class TermsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.code}`).join('\n'));
    this.name = 'TermsError';
  }
}

/** Compiles valid terms for settlement. Throws TermsError for terms that do not parse. */
export function compileTerms(terms: PaymentTerms): CompiledTerms {
  const parsed = parseTerms(terms);
  if (!parsed.ok) throw new TermsError(parsed.problems);
  const { compiled, constants } = crossFieldRules(parsed.terms);
  const read = new Set(compiled.flatMap((f) => [...f.expression.uses.indicators]));
  return {
    terms: parsed.terms,
    constants,
    formulas: compiled,
    needs: Object.keys(parsed.terms.indicators).filter((name) => read.has(name)),
    usesScheduled: compiled.some((f) => f.expression.uses.scheduled),
  };
}
