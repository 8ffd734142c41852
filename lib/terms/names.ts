import { message, type Message } from '../engine/problem';

/**
 * Names in `payment-terms/1`: constants, indicators and formulas share one
 * namespace with the built-ins, so a formula can never be ambiguous about
 * which value a name means.
 */

/** ASCII identifiers only: they are what both parties type and what the expression parser reads as one name. */
export const NAME_SYNTAX = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_NAME_LENGTH = 64;

export const FUNCTIONS = ['min', 'max', 'abs', 'round', 'gbclass', 'worstclass'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/**
 * Functions over the year's samples of an indicator (issue 17): `mean(codmn)`, `share(codmn <= 4)`
 * … (`min` and `max` of one indicator are too, FUNCTIONS above). Unlike FUNCTIONS these are not
 * reserved: documents written before them may name a constant `share` or `count` (the score-based
 * template does), and a name followed by "(" is always the function, a name alone the constant.
 */
export const SAMPLE_FUNCTIONS = ['mean', 'median', 'count', 'share'] as const;
export type SampleFunctionName = (typeof SAMPLE_FUNCTIONS)[number];

/** Every function a formula may call, as the refusal of an unknown one lists them. */
export const CALLABLE: readonly string[] = [...FUNCTIONS, ...SAMPLE_FUNCTIONS];

/** The formula whose value is the year's payment: every document has one (payment-terms-format.md). */
export const PAYMENT_FORMULA = 'payment';

/** Names every formula may use without declaring them. */
export const BUILTINS = ['year', 'scheduled'] as const;

/** Words the expression parser reads as operators or literals; as names they could never be referenced. */
export const LOGICAL_OPERATORS = ['and', 'or', 'not'] as const;
const KEYWORDS = [...LOGICAL_OPERATORS, 'xor', 'mod', 'to', 'in', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity', 'end'];

/**
 * Property names with a meaning on every JavaScript object. Maps in this
 * module never use them as keys, so refusing them costs nothing and keeps a
 * document from steering a lookup into Object.prototype.
 */
const OBJECT_HAZARDS = ['constructor', 'prototype', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'toLocaleString', 'valueOf'];

const RESERVED = new Set<string>([...FUNCTIONS, ...BUILTINS, ...KEYWORDS, ...OBJECT_HAZARDS]);

export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTIONS as readonly string[]).includes(name);
}

export function isSampleFunctionName(name: string): name is SampleFunctionName {
  return (SAMPLE_FUNCTIONS as readonly string[]).includes(name);
}

/** Why `name` cannot name a constant, indicator or formula, or undefined when it can. */
export function nameProblem(name: string): Message | undefined {
  if (name.length === 0) return message('engine.mustNotBeEmpty');
  if (name.length > MAX_NAME_LENGTH) return message('engine.longerThan', { max: MAX_NAME_LENGTH });
  if (!NAME_SYNTAX.test(name)) return message('engine.notAName', { name });
  if (name.startsWith('__')) return message('engine.reservedPrefix', { name });
  if (RESERVED.has(name)) return message('engine.reserved', { name });
  return undefined;
}

/** Edit distance, for "did you mean" hints; names are short, so the quadratic table is fine. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest known name within two edits, for a hint on a typo. */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
