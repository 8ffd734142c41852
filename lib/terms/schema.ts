import { z } from 'zod';
import { MAX_DOCUMENT_BYTES, ZUnit, exceedsBytes, formatPath, toProblems, type Problem } from '../engine/schema';
import { parseDecimalString, type TDec } from './decimal';
import { MAX_EXPRESSION_LENGTH, compileExpression, describeRefusal, type CompiledExpression } from './expression';
import { nameProblem } from './names';

/**
 * The `payment-terms/1` document (docs: /work/shared/payment-terms-format.md,
 * docs/terms.md). Parsing checks every field and compiles every formula, so
 * terms that parse can always be settled: the only failures left for
 * settlement are those that depend on the year's data.
 */

export const TERMS_FORMAT = 'payment-terms/1';
export { MAX_DOCUMENT_BYTES, type Problem };

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
}

export type TermsOutcome = { ok: true; terms: PaymentTerms } | { ok: false; problems: Problem[] };

type Loose = Record<string, unknown>;
const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isYear = (value: unknown): value is number => Number.isInteger(value);

const text = z.string().min(1, 'must not be empty');
const year = z.int({ error: 'not a whole year' }).min(1000, 'not a four-digit year').max(9999, 'not a four-digit year');
const ZName = z.string().superRefine((name, ctx) => {
  const problem = nameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * A map from names to values, checked by hand on the raw object: zod's record
 * would assign a "__proto__" key on its output object (changing its prototype)
 * before any check could refuse it.
 */
function nameMap(value: (raw: unknown) => { ok: true; text: string } | { ok: false; reason: string }) {
  return z.unknown().optional().transform((raw, ctx): Record<string, string> => {
    const out: Record<string, string> = {};
    if (raw === undefined) return out;
    if (!isRecord(raw)) {
      ctx.issues.push({ code: 'custom', message: 'expected an object of names', input: raw });
      return out;
    }
    const keys = Object.keys(raw);
    if (keys.length > MAX_NAMES) {
      ctx.issues.push({ code: 'custom', message: `more than ${MAX_NAMES} names`, input: raw });
      return out;
    }
    for (const key of keys) {
      const problem = nameProblem(key);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, path: [key], input: key });
      const parsed = value(raw[key]);
      if (!parsed.ok) ctx.issues.push({ code: 'custom', message: parsed.reason, path: [key], input: raw[key] });
      if (!problem && parsed.ok) out[key] = parsed.text;
    }
    return out;
  });
}

const constantValue = (raw: unknown) => parseDecimalString(raw, 'not a decimal number', '0.9');
const indicatorUnit = (raw: unknown): { ok: true; text: string } | { ok: false; reason: string } =>
  typeof raw === 'string' && raw.length <= 100 ? { ok: true, text: raw } : { ok: false, reason: 'expected its unit as text, e.g. "mg/L" (may be "")' };

const ZFormula = z.strictObject({
  name: ZName,
  expr: z.string().min(1, 'must not be empty').max(MAX_EXPRESSION_LENGTH, `longer than ${MAX_EXPRESSION_LENGTH} characters`),
});

export const ZTermsShape = z.strictObject({
  format: z.literal(TERMS_FORMAT, { error: `must be "${TERMS_FORMAT}"` }),
  name: text,
  currency: text,
  unit: ZUnit,
  from: year,
  to: year,
  constants: nameMap(constantValue),
  indicators: nameMap(indicatorUnit),
  formulas: z.array(ZFormula).min(1, 'at least one formula (one named "payment")').max(MAX_FORMULAS, `more than ${MAX_FORMULAS} formulas`),
});

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

const issueMessages: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type') {
    if (iss.input === undefined) return 'missing (required)';
    const expected = iss.expected === 'array' ? 'a list' : iss.expected === 'object' ? 'an object' : `a ${iss.expected}`;
    return `expected ${expected}, got ${describe(iss.input)}`;
  }
  return undefined;
};

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
function crossFieldRules(document: unknown): { problems: { path: Path; message: string }[]; compiled: CompiledFormula[]; constants: Map<string, TDec> } {
  const problems: { path: Path; message: string }[] = [];
  const compiled: CompiledFormula[] = [];
  const constants = new Map<string, TDec>();
  const problem = (path: Path, message: string) => problems.push({ path, message });
  if (!isRecord(document)) return { problems, compiled, constants };

  if (isYear(document.from) && isYear(document.to) && document.to < document.from) problem(['to'], `${document.to} is before from ${document.from}`);

  const constantNames = new Set(isRecord(document.constants) ? Object.keys(document.constants) : []);
  const indicatorNames = new Set(isRecord(document.indicators) ? Object.keys(document.indicators) : []);
  if (isRecord(document.constants)) {
    for (const [name, raw] of Object.entries(document.constants)) {
      const parsed = constantValue(raw);
      if (parsed.ok && !nameProblem(name)) constants.set(name, parsed.value);
    }
  }
  for (const name of indicatorNames) if (constantNames.has(name)) problem(['indicators', name], `"${name}" is already a constant`);

  const formulas = Array.isArray(document.formulas) ? document.formulas.slice(0, MAX_FORMULAS) : [];
  const names = formulas.map((f: unknown) => (isRecord(f) && typeof f.name === 'string' ? f.name : undefined));
  const firstIndex = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === undefined) return;
    if (constantNames.has(name)) problem(['formulas', i, 'name'], `"${name}" is already a constant`);
    else if (indicatorNames.has(name)) problem(['formulas', i, 'name'], `"${name}" is already an indicator`);
    else if (firstIndex.has(name)) problem(['formulas', i, 'name'], `"${name}" is already the name of formulas[${firstIndex.get(name)}]`);
    if (!firstIndex.has(name)) firstIndex.set(name, i);
  });
  if (Array.isArray(document.formulas) && !names.includes('payment')) {
    problem(['formulas'], 'no formula named "payment" (the amount due each year)');
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
  const result = ZTermsShape.safeParse(json, { error: issueMessages });
  const problems = result.success ? [] : toProblems(result.error.issues);
  const seen = new Set(problems.map((p) => `${p.path}\u0000${p.message}`));
  for (const { path, message } of crossFieldRules(json).problems) {
    const p = { path: formatPath(path), message };
    if (!seen.has(`${p.path}\u0000${message}`)) problems.push(p);
  }
  if (!result.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, terms: result.data as PaymentTerms };
}

export type JsonOutcome = { ok: true; json: unknown } | { ok: false; problems: Problem[] };

/** The shared first step of every *Text parser: size limit, then JSON.parse. */
export function readJson(text: unknown): JsonOutcome {
  if (typeof text !== 'string') return { ok: false, problems: [{ path: '(document)', message: 'not text' }] };
  if (exceedsBytes(text, MAX_DOCUMENT_BYTES)) {
    return { ok: false, problems: [{ path: '(document)', message: `larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` }] };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, problems: [{ path: '(document)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/** Parses and validates the raw text of a document. Never throws for bad input. */
export function parseTermsText(text: string): TermsOutcome {
  const json = readJson(text);
  return json.ok ? parseTerms(json.json) : json;
}

/** Thrown when code hands this module a document that never went through its parser. */
export class TermsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
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
