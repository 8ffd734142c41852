// zod/mini: the same parser as zod's, with functions instead of methods, so that a page parsing a
// document live (the scenario editor) carries the checks it uses and not all of zod (docs/decisions/0099-page-weight-under-200-kb.md).
import * as z from 'zod/mini';
import { CATEGORIES, GROUPS } from './categories';
import { formatDecimal, parseDecimal, type Dec } from './decimal';
import { issueText, message, problemAt, readIssueText, type CodedProblem, type Message } from './problem';
import { BENEFIT_KINDS, type BenefitKind } from './benefit-kinds';
import { formatPath } from './field-path';
import { parseYearKey, yearKey, type YearRange } from './years';

export { BENEFIT_KINDS, formatPath, type BenefitKind };

/**
 * The `pes-scenario/1` document (docs: /work/shared/scenario-format.md).
 * Parsing normalises every number to its canonical decimal string and every
 * year key to "2015" / "2003-2010", so two documents that mean the same thing
 * parse to equal objects (which the diff and the round-trip rely on).
 */

export const SCENARIO_FORMAT = 'pes-scenario/1';
/** Refuse documents above 5 MB before JSON.parse gets to allocate for them. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

type DecimalCheck = (value: Dec, text: string) => Message | undefined;

const between =
  (lo: number, hi: number): DecimalCheck =>
  (v, text) =>
    v.lt(lo) || v.gt(hi) ? message('engine.notBetween', { value: text, lo, hi }) : undefined;
const positive: DecimalCheck = (v, text) => (v.gt(0) ? undefined : message('engine.notPositive', { value: text }));

/** Parses a decimal and applies a range check: the canonical string, or why not. */
function checkedDecimal(input: unknown, check?: DecimalCheck): { ok: true; text: string } | { ok: false; problem: Message } {
  const parsed = parseDecimal(input);
  if (!parsed.ok) return parsed;
  const problem = check?.(parsed.value, String(input));
  return problem ? { ok: false, problem } : { ok: true, text: formatDecimal(parsed.value) };
}

const said = (code: string, params: Parameters<typeof message>[1] = {}) => issueText(message(code, params));

/** A decimal given as a string or a JSON number, output as its canonical string. */
function decimal(check?: DecimalCheck) {
  return z.pipe(
    z.union([z.string(), z.number()], { error: said('engine.notANumber') }),
    z.transform((input: string | number, ctx) => {
      const r = checkedDecimal(input, check);
      if (r.ok) return r.text;
      ctx.issues.push({ code: 'custom', message: issueText(r.problem), input });
      return z.NEVER;
    }),
  );
}

/**
 * A `values` map: year or range → decimal. Validated by hand inside one
 * transform so that bad keys, bad values and overlaps are all reported in one
 * pass (a zod refinement would stay silent until the values were fixed).
 */
function valuesMap(check?: DecimalCheck) {
  return z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform((raw: Record<string, unknown>, ctx) => {
      const out: Record<string, string> = {};
      const ranges: (YearRange & { key: string })[] = [];
      for (const [key, rawValue] of Object.entries(raw)) {
        const range = parseYearKey(key);
        if (!range.ok) ctx.issues.push({ code: 'custom', message: issueText(range.problem), path: [key], input: key });
        // Checked directly rather than through a nested zod schema: a large scenario has ~10⁵ values.
        const parsed = checkedDecimal(rawValue, check);
        if (!parsed.ok) ctx.issues.push({ code: 'custom', message: issueText(parsed.problem), path: [key], input: rawValue });
        if (range.ok && parsed.ok) {
          ranges.push({ key, from: range.from, to: range.to });
          out[yearKey(range)] = parsed.text;
        }
      }
      ranges.sort((a, b) => a.from - b.from || a.to - b.to);
      // The latest year any earlier range reaches: only when it reaches cur.from is there an
      // overlap to name, so a map without overlaps is one pass, not a scan of all earlier keys per key.
      let reach = -Infinity;
      for (let i = 1; i < ranges.length; i++) {
        const cur = ranges[i]!;
        reach = Math.max(reach, ranges[i - 1]!.to);
        if (reach < cur.from) continue;
        // Compare with every earlier range still open at cur.from, not just the previous one.
        for (let j = i - 1; j >= 0; j--) {
          const prev = ranges[j]!;
          if (prev.to >= cur.from) {
            ctx.issues.push({
              code: 'custom',
              message: said('engine.overlaps', { key: prev.key, year: cur.from }),
              path: [cur.key],
              input: cur.key,
            });
            break;
          }
        }
      }
      return out;
    }),
  );
}

export const ZValuesMap = valuesMap();
export const ZAmount = decimal();
export const ZFraction = decimal(between(0, 1));

const year = z.int({ error: said('engine.notAWholeYear') }).check(z.minimum(1000, said('engine.notAFourDigitYear')), z.maximum(9999, said('engine.notAFourDigitYear')));
export const ZText = z.string().check(z.minLength(1, said('engine.mustNotBeEmpty')));
const text = ZText;

export const ZCategoryCode = z.enum(CATEGORIES, {
  error: (iss) => (iss.input === undefined ? undefined : said('engine.unknownCategoryCode', { given: JSON.stringify(iss.input), codes: [...CATEGORIES] })),
});

/** A cost or subsidy line item. */
export const ZCostItem = z.strictObject({ code: ZCategoryCode, label: text, values: ZValuesMap });
/** A downstream-cost line item (upper bound side). */
export const ZLabelledItem = z.strictObject({ label: text, values: ZValuesMap });

export const ZBenefitKind = z.enum(BENEFIT_KINDS, { error: said('engine.unknownBenefitKind', { kinds: [...BENEFIT_KINDS] }) });
/** A benefit line item: label, values and, optionally, its kind. */
export const ZBenefitItem = z.strictObject({ kind: z.optional(ZBenefitKind), label: text, values: ZValuesMap });
export const ZPeriod = z.strictObject({ label: text, from: year, to: year });

const groupKeys = Object.fromEntries(GROUPS.map((g) => [g, z.optional(valuesMap(between(0, 1)))])) as {
  [G in (typeof GROUPS)[number]]: z.ZodMiniOptional<ReturnType<typeof valuesMap>>;
};
const categoryKeys = Object.fromEntries(CATEGORIES.map((c) => [c, z.optional(valuesMap(between(0, 1)))])) as {
  [C in (typeof CATEGORIES)[number]]: z.ZodMiniOptional<ReturnType<typeof valuesMap>>;
};
export const ZAlpha = z.strictObject(groupKeys, { error: (iss) => (iss.code === 'unrecognized_keys' ? said('engine.unknownGroup', { groups: [...GROUPS] }) : undefined) });
export const ZAlphaOverrides = z.strictObject(categoryKeys, {
  error: (iss) => (iss.code === 'unrecognized_keys' ? said('engine.unknownCategory', { codes: [...CATEGORIES] }) : undefined),
});

/** `unit`: how many currency units one amount stands for (1, 1000, 10000 …). A count, so a number. */
export const ZUnit = z.pipe(
  z.union([z.string(), z.number()], { error: said('engine.notANumber') }),
  z.transform((input: string | number, ctx) => {
    const parsed = parseDecimal(input);
    if (!parsed.ok || !parsed.value.isInteger() || parsed.value.lte(0) || parsed.value.gt(1e15)) {
      ctx.issues.push({ code: 'custom', message: said('engine.notPositiveWhole', { value: String(input) }), input });
      return z.NEVER;
    }
    return parsed.value.toNumber();
  }),
);

const ZScenarioShape = z.strictObject({
  format: z.literal(SCENARIO_FORMAT, { error: said('engine.mustBeFormat', { format: SCENARIO_FORMAT }) }),
  name: text,
  currency: text,
  unit: ZUnit,
  priceBase: text,
  startYear: year,
  endYear: year,
  paymentStartYear: z.optional(year),
  catchUpYears: z.optional(z.int({ error: said('engine.notAWholeNumber') }).check(z.minimum(0, said('engine.mustNotBeNegative')))),
  discountRate: z.optional(ZFraction),
  bargainingWeight: z.optional(ZFraction),
  periods: z.optional(z.array(ZPeriod)),
  // Optional since a side may state only its own bound: a downstream scenario without costs
  // states no lower bound (docs/scenario-format-extensions.md).
  costs: z._default(z.array(ZCostItem), []),
  subsidies: z._default(z.array(ZCostItem), []),
  alpha: z._default(ZAlpha, {}),
  alphaOverrides: z._default(ZAlphaOverrides, {}),
  benefits: z.optional(z.array(ZBenefitItem)),
  downstreamCosts: z.optional(z.array(ZLabelledItem)),
  waterVolume: z.optional(valuesMap(positive)),
});

type Path = (string | number)[];
type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isYear = (value: unknown): value is number => Number.isInteger(value);

/** Every values map of a document with its path, read tolerantly: other fields may be invalid. */
function* valuesMaps(s: Loose): Generator<[Path, Loose]> {
  for (const list of ['costs', 'subsidies', 'benefits', 'downstreamCosts'] as const) {
    const items = s[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const values: unknown = isRecord(items[i]) ? (items[i] as Loose).values : undefined;
      if (isRecord(values)) yield [[list, i, 'values'], values];
    }
  }
  for (const field of ['alpha', 'alphaOverrides'] as const) {
    const byKey = s[field];
    if (!isRecord(byKey)) continue;
    for (const [key, values] of Object.entries(byKey)) if (isRecord(values)) yield [[field, key], values];
  }
  if (isRecord(s.waterVolume)) yield [['waterVolume'], s.waterVolume];
}

/**
 * Rules that relate fields to each other. They read the document tolerantly, so that they are
 * reported in the same pass as problems of single fields, not only once those are fixed.
 */
function documentRuleProblems(document: unknown): { path: Path; what: Message }[] {
  const problems: { path: Path; what: Message }[] = [];
  const problem = (path: Path, what: Message) => problems.push({ path, what });
  if (!isRecord(document) || !isYear(document.startYear) || !isYear(document.endYear)) return problems;
  const { startYear, endYear, paymentStartYear, catchUpYears, discountRate } = document;
  if (endYear < startYear) {
    problem(['endYear'], message('engine.beforeStartYear', { year: endYear, start: startYear }));
    return problems;
  }
  const span = { first: startYear, last: endYear };
  if (isYear(paymentStartYear) && (paymentStartYear < startYear || paymentStartYear > endYear)) {
    problem(['paymentStartYear'], message('engine.outsideSpan', { years: String(paymentStartYear), ...span }));
  }
  const backPayYears = (isYear(paymentStartYear) ? paymentStartYear : startYear) - startYear;
  if (backPayYears > 0) {
    const why = message('engine.backPayWhy', { payStart: Number(paymentStartYear), start: startYear });
    if (catchUpYears === undefined) problem(['catchUpYears'], message('engine.missingBecause', { why }));
    else if (isYear(catchUpYears) && catchUpYears < 1) problem(['catchUpYears'], message('engine.atLeastOneBecause', { why }));
    if (discountRate === undefined) problem(['discountRate'], message('engine.missingBecause', { why }));
  }
  if (Array.isArray(document.periods)) {
    document.periods.forEach((period: unknown, i) => {
      if (!isRecord(period) || !isYear(period.from) || !isYear(period.to)) return;
      if (period.to < period.from) problem(['periods', i, 'to'], message('engine.beforeFrom', { to: period.to, from: period.from }));
      else if (period.from < startYear || period.to > endYear) problem(['periods', i], message('engine.outsideSpan', { years: `${period.from}-${period.to}`, ...span }));
    });
  }
  for (const [path, values] of valuesMaps(document)) {
    for (const key of Object.keys(values)) {
      const range = parseYearKey(key);
      if (!range.ok) continue;
      const outside = range.from < startYear ? range.from : range.to > endYear ? range.to : undefined;
      if (outside !== undefined) problem([...path, key], message('engine.yearOutsideSpan', { year: outside, ...span }));
    }
  }
  return problems;
}

export const ZScenario = ZScenarioShape.check(
  z.superRefine((document, ctx) => {
    for (const { path, what } of documentRuleProblems(document)) ctx.addIssue({ code: 'custom', path, message: issueText(what) });
  }),
);

export type Scenario = z.output<typeof ZScenario>;
export type ScenarioInput = z.input<typeof ZScenario>;
export type CostItem = z.output<typeof ZCostItem>;
export type LabelledItem = z.output<typeof ZLabelledItem>;
export type BenefitItem = z.output<typeof ZBenefitItem>;
export type Period = z.output<typeof ZPeriod>;
export type ValuesMap = Record<string, string>;

/**
 * A problem of a scenario document. `message` is its code and parameters as text (issueText),
 * only for lib/terms, which passes a scenario's problems on among its own English ones until it
 * reports codes too; read `code` and `params`.
 */
export interface ScenarioProblem extends CodedProblem {
  readonly message: string;
}

export type ParseOutcome = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

const refused = (problems: readonly CodedProblem[]): ParseOutcome => ({ ok: false, problems: problems.map((p) => ({ ...p, message: issueText(p) })) });

const kinds: Record<string, string> = { array: 'engine.aList', object: 'engine.anObject', string: 'engine.aString', number: 'engine.aNumber', boolean: 'engine.aBoolean' };

/** "a list", "an object", "a string" … as a message; null is named as written. */
function kindOf(kind: string): Message | string {
  if (kind === 'null') return 'null';
  const code = kinds[kind];
  return code ? message(code) : message('engine.aKind', { kind });
}

const describe = (input: unknown): Message | string => kindOf(input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input);

/** Messages for zod's own issues, as codes like the rest of the engine's. */
const issueMessages: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type') {
    if (iss.input === undefined) return said('engine.missingRequired');
    return said('engine.expectedGot', { expected: kindOf(iss.expected), got: describe(iss.input) });
  }
  return undefined;
};

/** The engine's problems from zod's issues: each issue's code and parameters, at its path. */
export function toCodedProblems(issues: readonly z.core.$ZodIssue[]): CodedProblem[] {
  const problems: CodedProblem[] = [];
  for (const issue of issues) {
    const what = readIssueText(issue.message);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(problemAt(formatPath([...issue.path, key]), message('engine.keyed', { message: what ?? message('engine.unknownField'), key })));
    } else {
      problems.push(problemAt(formatPath(issue.path), what ?? message('engine.invalidValue')));
    }
  }
  return problems;
}

const sameProblem = (p: CodedProblem) => JSON.stringify([p.path, p.code, p.params]);

/** Validates a parsed JSON value. Never throws for bad input. */
export function parseScenario(json: unknown): ParseOutcome {
  const result = ZScenario.safeParse(json, { error: issueMessages });
  if (result.success) return { ok: true, scenario: result.data };
  // zod skips the document rules when a field fails; run them here so one pass reports all.
  const problems = toCodedProblems(result.error.issues);
  const seen = new Set(problems.map(sameProblem));
  for (const { path, what } of documentRuleProblems(json)) {
    const problem = problemAt(formatPath(path), what);
    if (!seen.has(sameProblem(problem))) problems.push(problem);
  }
  return refused(problems);
}

/** UTF-8 size without encoding the whole text when the length alone decides. */
export function exceedsBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

/** Parses and validates the raw text of a document. Never throws for bad input. */
export function parseScenarioText(text: string): ParseOutcome {
  const whole = (what: Message): ParseOutcome => refused([problemAt(formatPath([]), what)]);
  if (typeof text !== 'string') return whole(message('engine.notText'));
  if (exceedsBytes(text, MAX_DOCUMENT_BYTES)) return whole(message('engine.largerThanMb', { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 }));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return whole(message('engine.notValidJson', { detail: e instanceof Error ? e.message : String(e) }));
  }
  return parseScenario(json);
}
