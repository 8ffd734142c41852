import { z } from 'zod';
import { CATEGORIES, GROUPS } from './categories';
import { formatDecimal, parseDecimal, type Dec } from './decimal';
import { parseYearKey, yearKey, type YearRange } from './years';

/**
 * The `pes-scenario/1` document (docs: /work/shared/scenario-format.md).
 * Parsing normalises every number to its canonical decimal string and every
 * year key to "2015" / "2003-2010", so two documents that mean the same thing
 * parse to equal objects (which the diff and the round-trip rely on).
 */

export const SCENARIO_FORMAT = 'pes-scenario/1';
/** Refuse documents above 5 MB before JSON.parse gets to allocate for them. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface Problem {
  path: string;
  message: string;
}

type DecimalCheck = (value: Dec, text: string) => string | undefined;

const between =
  (lo: number, hi: number): DecimalCheck =>
  (v, text) =>
    v.lt(lo) || v.gt(hi) ? `${text} is not between ${lo} and ${hi}` : undefined;
const positive: DecimalCheck = (v, text) => (v.gt(0) ? undefined : `${text} is not positive`);

/** Parses a decimal and applies a range check: the canonical string, or why not. */
function checkedDecimal(input: unknown, check?: DecimalCheck): { ok: true; text: string } | { ok: false; reason: string } {
  const parsed = parseDecimal(input);
  if (!parsed.ok) return parsed;
  const reason = check?.(parsed.value, String(input));
  return reason ? { ok: false, reason } : { ok: true, text: formatDecimal(parsed.value) };
}

/** A decimal given as a string or a JSON number, output as its canonical string. */
function decimal(check?: DecimalCheck) {
  return z.union([z.string(), z.number()], { error: 'not a number' }).transform((input, ctx) => {
    const r = checkedDecimal(input, check);
    if (r.ok) return r.text;
    ctx.issues.push({ code: 'custom', message: r.reason, input });
    return z.NEVER;
  });
}

/**
 * A `values` map: year or range → decimal. Validated by hand inside one
 * transform so that bad keys, bad values and overlaps are all reported in one
 * pass (a zod refinement would stay silent until the values were fixed).
 */
function valuesMap(check?: DecimalCheck) {
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const out: Record<string, string> = {};
    const ranges: (YearRange & { key: string })[] = [];
    for (const [key, rawValue] of Object.entries(raw)) {
      const range = parseYearKey(key);
      if (!range.ok) ctx.issues.push({ code: 'custom', message: range.reason, path: [key], input: key });
      // Checked directly rather than through a nested zod schema: a large scenario has ~10⁵ values.
      const parsed = checkedDecimal(rawValue, check);
      if (!parsed.ok) ctx.issues.push({ code: 'custom', message: parsed.reason, path: [key], input: rawValue });
      if (range.ok && parsed.ok) {
        ranges.push({ key, from: range.from, to: range.to });
        out[yearKey(range)] = parsed.text;
      }
    }
    ranges.sort((a, b) => a.from - b.from || a.to - b.to);
    for (let i = 1; i < ranges.length; i++) {
      const cur = ranges[i]!;
      // Compare with every earlier range still open at cur.from, not just the previous one.
      for (let j = i - 1; j >= 0; j--) {
        const prev = ranges[j]!;
        if (prev.to >= cur.from) {
          ctx.issues.push({
            code: 'custom',
            message: `overlaps "${prev.key}" (both cover ${cur.from})`,
            path: [cur.key],
            input: cur.key,
          });
          break;
        }
      }
    }
    return out;
  });
}

export const ZValuesMap = valuesMap();
export const ZAmount = decimal();
export const ZFraction = decimal(between(0, 1));

const year = z.int({ error: 'not a whole year' }).min(1000, 'not a four-digit year').max(9999, 'not a four-digit year');
export const ZText = z.string().min(1, 'must not be empty');
const text = ZText;

export const ZCategoryCode = z.enum(CATEGORIES, {
  error: (iss) => (iss.input === undefined ? undefined : `unknown category code ${JSON.stringify(iss.input)} (one of ${CATEGORIES.join(', ')})`),
});

/** A cost or subsidy line item. */
export const ZCostItem = z.strictObject({ code: ZCategoryCode, label: text, values: ZValuesMap });
/** A benefit or downstream-cost line item (upper bound side). */
export const ZLabelledItem = z.strictObject({ label: text, values: ZValuesMap });
export const ZPeriod = z.strictObject({ label: text, from: year, to: year });

const groupKeys = Object.fromEntries(GROUPS.map((g) => [g, valuesMap(between(0, 1)).optional()])) as {
  [G in (typeof GROUPS)[number]]: z.ZodOptional<ReturnType<typeof valuesMap>>;
};
const categoryKeys = Object.fromEntries(CATEGORIES.map((c) => [c, valuesMap(between(0, 1)).optional()])) as {
  [C in (typeof CATEGORIES)[number]]: z.ZodOptional<ReturnType<typeof valuesMap>>;
};
export const ZAlpha = z.strictObject(groupKeys, { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown group (one of ${GROUPS.join(', ')})` : undefined) });
export const ZAlphaOverrides = z.strictObject(categoryKeys, {
  error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown category code (one of ${CATEGORIES.join(', ')})` : undefined),
});

/** `unit`: how many currency units one amount stands for (1, 1000, 10000 …). A count, so a number. */
export const ZUnit = z.union([z.string(), z.number()], { error: 'not a number' }).transform((input, ctx) => {
  const parsed = parseDecimal(input);
  if (!parsed.ok || !parsed.value.isInteger() || parsed.value.lte(0) || parsed.value.gt(1e15)) {
    ctx.issues.push({ code: 'custom', message: `${String(input)} is not a positive whole number`, input });
    return z.NEVER;
  }
  return parsed.value.toNumber();
});

const ZScenarioShape = z.strictObject({
  format: z.literal(SCENARIO_FORMAT, { error: `must be "${SCENARIO_FORMAT}"` }),
  name: text,
  currency: text,
  unit: ZUnit,
  priceBase: text,
  startYear: year,
  endYear: year,
  paymentStartYear: year.optional(),
  catchUpYears: z.int({ error: 'not a whole number' }).min(0, 'must not be negative').optional(),
  discountRate: ZFraction.optional(),
  bargainingWeight: ZFraction.optional(),
  periods: z.array(ZPeriod).optional(),
  costs: z.array(ZCostItem),
  subsidies: z.array(ZCostItem).default([]),
  alpha: ZAlpha,
  alphaOverrides: ZAlphaOverrides.default({}),
  benefits: z.array(ZLabelledItem).optional(),
  downstreamCosts: z.array(ZLabelledItem).optional(),
  waterVolume: valuesMap(positive).optional(),
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
function documentRuleProblems(document: unknown): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  const problem = (path: Path, message: string) => problems.push({ path, message });
  if (!isRecord(document) || !isYear(document.startYear) || !isYear(document.endYear)) return problems;
  const { startYear, endYear, paymentStartYear, catchUpYears, discountRate } = document;
  if (endYear < startYear) {
    problem(['endYear'], `${endYear} is before startYear ${startYear}`);
    return problems;
  }
  const span = `${startYear}..${endYear}`;
  if (isYear(paymentStartYear) && (paymentStartYear < startYear || paymentStartYear > endYear)) {
    problem(['paymentStartYear'], `${paymentStartYear} is outside startYear..endYear (${span})`);
  }
  const backPayYears = (isYear(paymentStartYear) ? paymentStartYear : startYear) - startYear;
  if (backPayYears > 0) {
    const why = `required when back-pay years exist (paymentStartYear ${paymentStartYear} > startYear ${startYear})`;
    if (catchUpYears === undefined) problem(['catchUpYears'], `missing: ${why}`);
    else if (isYear(catchUpYears) && catchUpYears < 1) problem(['catchUpYears'], `must be at least 1: ${why}`);
    if (discountRate === undefined) problem(['discountRate'], `missing: ${why}`);
  }
  if (Array.isArray(document.periods)) {
    document.periods.forEach((period: unknown, i) => {
      if (!isRecord(period) || !isYear(period.from) || !isYear(period.to)) return;
      if (period.to < period.from) problem(['periods', i, 'to'], `${period.to} is before from ${period.from}`);
      else if (period.from < startYear || period.to > endYear) problem(['periods', i], `${period.from}-${period.to} is outside startYear..endYear (${span})`);
    });
  }
  for (const [path, values] of valuesMaps(document)) {
    for (const key of Object.keys(values)) {
      const range = parseYearKey(key);
      if (!range.ok) continue;
      const outside = range.from < startYear ? range.from : range.to > endYear ? range.to : undefined;
      if (outside !== undefined) problem([...path, key], `year ${outside} is outside startYear..endYear (${span})`);
    }
  }
  return problems;
}

export const ZScenario = ZScenarioShape.superRefine((document, ctx) => {
  for (const { path, message } of documentRuleProblems(document)) ctx.addIssue({ code: 'custom', path, message });
});

export type Scenario = z.output<typeof ZScenario>;
export type ScenarioInput = z.input<typeof ZScenario>;
export type CostItem = z.output<typeof ZCostItem>;
export type LabelledItem = z.output<typeof ZLabelledItem>;
export type Period = z.output<typeof ZPeriod>;
export type ValuesMap = Record<string, string>;

export type ParseOutcome = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `costs[3].values["2011-2020"]` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && IDENTIFIER.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(document)';
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

/** Messages for zod's own issues in the wording of the rest of the engine. */
const issueMessages: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type') {
    if (iss.input === undefined) return 'missing (required)';
    const expected = iss.expected === 'array' ? 'a list' : iss.expected === 'object' ? 'an object' : `a ${iss.expected}`;
    return `expected ${expected}, got ${describe(iss.input)}`;
  }
  return undefined;
};

export function toProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const message = issue.message.startsWith('Unrecognized key') ? 'unknown field' : issue.message;
      for (const key of issue.keys) problems.push({ path: formatPath([...issue.path, key]), message: `${message}: "${key}"` });
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return problems;
}

/** Validates a parsed JSON value. Never throws for bad input. */
export function parseScenario(json: unknown): ParseOutcome {
  const result = ZScenario.safeParse(json, { error: issueMessages });
  if (result.success) return { ok: true, scenario: result.data };
  // zod skips the document rules when a field fails; run them here so one pass reports all.
  const problems = toProblems(result.error.issues);
  const seen = new Set(problems.map((p) => `${p.path}\u0000${p.message}`));
  for (const { path, message } of documentRuleProblems(json)) {
    const problem = { path: formatPath(path), message };
    if (!seen.has(`${problem.path}\u0000${message}`)) problems.push(problem);
  }
  return { ok: false, problems };
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
  if (typeof text !== 'string') return { ok: false, problems: [{ path: '(document)', message: 'not text' }] };
  if (exceedsBytes(text, MAX_DOCUMENT_BYTES)) {
    return { ok: false, problems: [{ path: '(document)', message: `larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(document)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return parseScenario(json);
}
