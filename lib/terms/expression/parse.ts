import { message, type Message } from '../../engine/problem';
import { parse, SyntaxError as GrammarError } from './parser.js';
import { refuse, RefusalError } from './refusal';

/**
 * The first stage: text to a syntax tree with positions (grammar.peggy, generated into parser.js).
 * The tree holds everything the grammar reads, allowed or not; check.ts decides.
 */

export const MAX_EXPRESSION_LENGTH = 10_000;
/** Bounds the parser's recursion (each bracket is a few calls deep) far below the call-stack limit. */
export const MAX_NESTING = 100;

/** Every node carries `start`, the 1-based position where its text begins; operators also `at`, where the operator is. */
export type Syntax =
  | { kind: 'number'; text: string; start: number }
  | { kind: 'boolean'; value: boolean; start: number }
  /** null, undefined, NaN, Infinity: words a spreadsheet or mathjs reads as values. */
  | { kind: 'literal'; text: string; start: number }
  /** Text in quotes; `value` is what stands between them, as written. */
  | { kind: 'text'; value: string; start: number }
  | { kind: 'name'; name: string; start: number }
  | { kind: 'parens'; inner: Syntax; start: number }
  | { kind: 'unary'; op: string; arg: Syntax; start: number; at: number }
  | { kind: 'postfix'; op: string; arg: Syntax; start: number }
  | { kind: 'percent'; arg: Syntax; start: number; at: number }
  | { kind: 'binary'; op: string; left: Syntax; right: Syntax; start: number; at: number }
  /** Two operands with no operator between them; `at` is where the second begins. */
  | { kind: 'implicit'; left: Syntax; start: number; at: number }
  | { kind: 'conditional'; test: Syntax; then: Syntax; otherwise: Syntax; start: number; at: number }
  | { kind: 'call'; callee: Syntax; args: Syntax[]; optional: boolean; start: number }
  /** Comparisons in a row, `a < b < c`. */
  | { kind: 'chain'; start: number }
  | { kind: 'range'; start: number }
  | { kind: 'access'; start: number }
  | { kind: 'matrix'; start: number }
  | { kind: 'object'; start: number }
  /** `a = 1`, or `f(x) = …` when it `defines` a function. */
  | { kind: 'assign'; start: number; defines: boolean };

type Parsed = Syntax | { kind: 'block'; at: number } | { kind: 'empty' };

/** The text of the part of `source` at 1-based `position`: a name, a number or one character. */
export function partAt(source: string, position: number): string {
  const part = /^(?:[\p{L}_$][\p{L}\p{N}_$]*|\d+(?:\.\d*)?|.)/u.exec(source.slice(position - 1));
  return part?.[0] ?? '';
}

const syntaxError = (detail: Message) => message('engine.syntaxError', { detail });

interface Expectation {
  type: string;
  text?: string;
  description?: string;
}

/** A failure of the grammar in the words people know from mathjs: what was expected where. */
function grammarRefusal(source: string, error: GrammarError): never {
  const position = error.location.start.offset + 1;
  const expected = (error.expected ?? []) as Expectation[];
  const expects = (what: string) => expected.some((e) => e.text === what || e.description === what);
  if (expects('false part')) refuse(position, syntaxError(message('engine.mathFalsePart')));
  if (expects(')')) refuse(position, syntaxError(message('engine.mathParenthesis')));
  if (error.found === null) refuse(position, syntaxError(message('engine.mathEnd')));
  if (expects('value')) refuse(position, syntaxError(message('engine.mathValue')));
  refuse(position, syntaxError(message('engine.mathPart', { part: partAt(source, position) })));
}

/** The syntax tree of one formula. Throws RefusalError for what is not one expression. */
export function parseExpression(source: string): Syntax {
  if (source.length > MAX_EXPRESSION_LENGTH) refuse(MAX_EXPRESSION_LENGTH + 1, message('engine.expressionTooLong', { max: MAX_EXPRESSION_LENGTH }));
  let parsed: Parsed;
  try {
    parsed = parse(source, {
      maxNesting: MAX_NESTING,
      refuseNesting: (at: number) => refuse(at, message('engine.bracketsTooDeep', { max: MAX_NESTING })),
      refuseUnclosed: (at: number, quote: string) => refuse(at, syntaxError(quote === '"' ? message('engine.mathEndOfString') : message('engine.terms.endOfQuote', { quote }))),
    }) as Parsed;
  } catch (e) {
    if (e instanceof RefusalError) throw e;
    if (e instanceof GrammarError) grammarRefusal(source, e);
    if (e instanceof RangeError) refuse(1, message('engine.nestedTooDeeply'));
    throw e;
  }
  if (parsed.kind === 'empty') refuse(1, message('engine.expressionEmpty'));
  if (parsed.kind === 'block') refuse(parsed.at, message('engine.oneExpression'), message('engine.noSemicolon'));
  return parsed;
}
