import { all, create } from 'mathjs';
import { MAX_EXPONENT } from '../engine/decimal';
import { MAX_RESULT_EXPONENT, TD, showTermsDecimal, type TDec } from './decimal';
import { FUNCTIONS, closestName, isFunctionName, type FunctionName } from './names';

/**
 * The expression language of `payment-terms/1`.
 *
 * mathjs only parses: its evaluator would resolve names to its own function
 * library (import, evaluate, createUnit …), so it never sees a formula. The
 * parse tree is walked once with a whitelist and copied into the small tree
 * below, which this module evaluates itself over decimal.js. Anything the walk
 * does not know is refused, so a new node type in a future mathjs stays shut
 * out until someone decides otherwise. docs/decisions/0107-terms-expressions.md.
 */
// The type declarations allow `all` to be undefined; the package always defines it.
const math = create(all as NonNullable<typeof all>, { number: 'BigNumber', precision: 64 });

export const MAX_EXPRESSION_LENGTH = 10_000;
// Bounds that keep the recursive parser, walk and evaluation far from the call-stack limit.
const MAX_TOKENS = 2_000;
const MAX_NESTING = 100;
const MAX_DEPTH = 500;

export type ValueType = 'number' | 'boolean';
export type Value = TDec | boolean;
export type UnaryOp = '-' | '+' | 'not';
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

/** The whitelisted operators, keyed by mathjs's function name for them. */
const BINARY = new Map<string, BinaryOp>([
  ['add', '+'],
  ['subtract', '-'],
  ['multiply', '*'],
  ['divide', '/'],
  ['pow', '^'],
  ['smaller', '<'],
  ['smallerEq', '<='],
  ['larger', '>'],
  ['largerEq', '>='],
  ['equal', '=='],
  ['unequal', '!='],
  ['and', 'and'],
  ['or', 'or'],
]);
const UNARY = new Map<string, UnaryOp>([
  ['unaryMinus', '-'],
  ['unaryPlus', '+'],
  ['not', 'not'],
]);
const ARITHMETIC = new Set<BinaryOp>(['+', '-', '*', '/', '^']);
const ORDERING = new Set<BinaryOp>(['<', '<=', '>', '>=']);

/** A checked expression. `start` is where the node's text begins, `at` the character that names it (its operator); both 1-based. */
export type TNode =
  | { kind: 'number'; value: TDec; start: number; at: number }
  | { kind: 'boolean'; value: boolean; start: number; at: number }
  | { kind: 'name'; name: string; start: number; at: number }
  | { kind: 'unary'; op: UnaryOp; arg: TNode; start: number; at: number }
  | { kind: 'binary'; op: BinaryOp; left: TNode; right: TNode; start: number; at: number }
  | { kind: 'conditional'; test: TNode; then: TNode; otherwise: TNode; start: number; at: number }
  | { kind: 'call'; fn: FunctionName; args: TNode[]; start: number; at: number }
  | { kind: 'parens'; inner: TNode; start: number; at: number };

/** What a formula may refer to while it is being checked. */
export interface Scope {
  constants: ReadonlySet<string>;
  /** Values known before any monitoring data: valid constants and earlier formulas that are constant. */
  known: ReadonlyMap<string, TDec>;
  indicators: ReadonlySet<string>;
  /** Formulas before this one. */
  earlier: ReadonlySet<string>;
  /** Formulas after this one, with their index, to explain why they cannot be used. */
  later: ReadonlyMap<string, number>;
  self?: string;
}

export interface Uses {
  constants: Set<string>;
  indicators: Set<string>;
  formulas: Set<string>;
  year: boolean;
  scheduled: boolean;
}

export interface CompiledExpression {
  source: string;
  root: TNode;
  uses: Uses;
  /** The value when the expression needs no monitoring data, year or schedule. */
  constant: TDec | undefined;
}

export interface Refusal {
  /** 1-based character position in the expression. */
  position: number;
  message: string;
  hint?: string;
}

export type CompileOutcome = { ok: true; expression: CompiledExpression } | { ok: false; refusal: Refusal };

/** `unknown name "amout" at position 3 in formula "payment"; did you mean "amount"?` */
export function describeRefusal(refusal: Refusal, formula?: string): string {
  const where = formula ? ` in formula "${formula}"` : '';
  const hint = refusal.hint ? `; ${refusal.hint}` : '';
  return `${refusal.message} at position ${refusal.position}${where}${hint}`;
}

class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

function refuse(position: number, message: string, hint?: string): never {
  throw new RefusalError(hint === undefined ? { position, message } : { position, message, hint });
}

/** A failure while evaluating: division by zero, an impossible power, a result out of range. */
export class EvaluationError extends Error {}

// ---------------------------------------------------------------------------
// Token positions. mathjs nodes carry no source positions, so the text is
// tokenised the way mathjs reads it and the walk below consumes one token per
// leaf or operator in source order; the next unconsumed token is then where
// the node being looked at begins. Only positions come from here — every
// decision is made on the mathjs tree.

interface Token {
  kind: 'number' | 'name' | 'string' | 'op' | 'newline';
  text: string;
  /** 0-based offset. */
  start: number;
}

const NON_DECIMAL_NUMBER = /0[xXbBoO][0-9a-zA-Z.]*/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const MULTI_CHAR_OPS = ['>>>', '?.', '.*', './', '.^', ".'", '==', '!=', '<=', '>=', '<<', '>>'];
const DECIMAL_LITERAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function sticky(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

function tokenize(src: string): { tokens: Token[]; maxNesting: number } {
  const tokens: Token[] = [];
  let depth = 0;
  let maxNesting = 0;
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\u00A0' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      // mathjs reads a line break inside brackets as a blank, outside as the end of a statement.
      if (depth === 0) tokens.push({ kind: 'newline', text: c, start: i });
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const number = sticky(NON_DECIMAL_NUMBER, src, i) ?? (/[\d.]/.test(c) ? sticky(NUMBER, src, i) : undefined);
    if (number) {
      tokens.push({ kind: 'number', text: number, start: i });
      i += number.length;
      continue;
    }
    const name = sticky(NAME, src, i);
    if (name) {
      tokens.push({ kind: 'name', text: name, start: i });
      i += name.length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', text: src.slice(i, j + 1), start: i });
      i = j + 1;
      continue;
    }
    const op = MULTI_CHAR_OPS.find((o) => src.startsWith(o, i)) ?? c;
    if (op === '(' || op === '[' || op === '{') maxNesting = Math.max(maxNesting, ++depth);
    if (op === ')' || op === ']' || op === '}') depth = Math.max(0, depth - 1);
    tokens.push({ kind: 'op', text: op, start: i });
    i += op.length;
  }
  return { tokens, maxNesting };
}

class Cursor {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  /** 1-based position of the next unconsumed token (one past the end when none is left). */
  get position(): number {
    return (this.tokens[this.i]?.start ?? this.length) + 1;
  }

  get next(): Token | undefined {
    return this.tokens[this.i];
  }

  take(): Token | undefined {
    return this.tokens[this.i++];
  }

  /** Consumes the name token for a symbol; searches ahead only as a safety net, so a stray token cannot shift later positions. */
  takeName(name: string): number {
    for (let j = this.i; j < this.tokens.length; j++) {
      const t = this.tokens[j]!;
      if (t.kind === 'name' && t.text === name) {
        this.i = j + 1;
        return t.start + 1;
      }
    }
    return this.position;
  }

  find(predicate: (t: Token) => boolean): number | undefined {
    const t = this.tokens.find(predicate);
    return t === undefined ? undefined : t.start + 1;
  }
}

// ---------------------------------------------------------------------------
// The whitelist walk.

interface MNode {
  type: string;
}
interface MConstant extends MNode {
  value: unknown;
}
interface MSymbol extends MNode {
  name: string;
}
interface MOperator extends MNode {
  op: string;
  fn: string;
  args: MNode[];
  implicit: boolean;
}
interface MParenthesis extends MNode {
  content: MNode;
}
interface MConditional extends MNode {
  condition: MNode;
  trueExpr: MNode;
  falseExpr: MNode;
}
interface MFunction extends MNode {
  fn: MNode;
  args: MNode[];
  optional?: boolean;
}

interface Typed {
  node: TNode;
  type: ValueType;
}

const REFUSED_NODES: Record<string, [string, string?]> = {
  AccessorNode: ['property access ("." or "[…]") is not allowed'],
  IndexNode: ['indexing ("[…]") is not allowed'],
  AssignmentNode: ['assignment ("=") is not allowed', 'compare with "=="'],
  FunctionAssignmentNode: ['defining functions is not allowed'],
  ObjectNode: ['objects ("{…}") are not allowed'],
  ArrayNode: ['lists and matrices ("[…]") are not allowed'],
  RangeNode: ['ranges ("a:b") are not allowed'],
  RelationalNode: ['chained comparisons like "a < b < c" are not allowed', 'write "(a < b) and (b < c)"'],
};

const PERCENT: [string, string] = ['"%" is not allowed', 'write "/ 100" for a percentage'];

const ARITY: Record<FunctionName, [number, number]> = { min: [1, 50], max: [1, 50], abs: [1, 1], round: [1, 2] };

class Walker {
  readonly uses: Uses = { constants: new Set(), indicators: new Set(), formulas: new Set(), year: false, scheduled: false };
  constructor(
    private readonly cursor: Cursor,
    private readonly scope: Scope,
  ) {}

  walk(node: MNode, depth: number): Typed {
    const cur = this.cursor;
    if (depth > MAX_DEPTH) refuse(cur.position, 'the expression is nested too deeply');
    switch (node.type) {
      case 'ConstantNode':
        return this.constant(node as MConstant);
      case 'SymbolNode': {
        const { name } = node as MSymbol;
        const at = cur.takeName(name);
        this.resolve(name, at);
        return { node: { kind: 'name', name, start: at, at }, type: 'number' };
      }
      case 'ParenthesisNode': {
        const start = cur.position;
        cur.take();
        const inner = this.walk((node as MParenthesis).content, depth + 1);
        cur.take();
        return { node: { kind: 'parens', inner: inner.node, start, at: start }, type: inner.type };
      }
      case 'OperatorNode':
        return this.operator(node as MOperator, depth);
      case 'ConditionalNode': {
        const n = node as MConditional;
        const start = cur.position;
        const test = this.walk(n.condition, depth + 1);
        const at = cur.position;
        cur.take();
        const then = this.walk(n.trueExpr, depth + 1);
        cur.take();
        const otherwise = this.walk(n.falseExpr, depth + 1);
        if (test.type !== 'boolean') refuse(test.node.start, 'the condition before "?" must be a comparison (true/false), not a number');
        if (then.type !== otherwise.type) refuse(otherwise.node.start, 'both branches of "? :" must be numbers, or both conditions');
        return { node: { kind: 'conditional', test: test.node, then: then.node, otherwise: otherwise.node, start, at }, type: then.type };
      }
      case 'FunctionNode':
        return this.call(node as MFunction, depth);
      default: {
        if (node.type === 'BlockNode') {
          const separator = cur.find((t) => t.kind === 'newline' || t.text === ';');
          refuse(separator ?? cur.position, 'a formula is one expression', 'no ";" or line break between expressions');
        }
        const [message, hint] = REFUSED_NODES[node.type] ?? [`${node.type} is not allowed`];
        refuse(cur.position, message, hint);
      }
    }
  }

  private constant(node: MConstant): Typed {
    const cur = this.cursor;
    const at = cur.position;
    const token = cur.take();
    const { value } = node;
    if (typeof value === 'boolean') return { node: { kind: 'boolean', value, start: at, at }, type: 'boolean' };
    if (typeof value === 'string') refuse(at, 'text in quotes is not allowed');
    if (!math.isBigNumber(value)) refuse(at, `"${token?.text ?? String(value)}" is not a number`);
    if (!value.isFinite()) refuse(at, `"${token?.text ?? value.toString()}" is not a finite number`);
    if (token?.kind === 'number' && !DECIMAL_LITERAL.test(token.text)) {
      refuse(at, `"${token.text}": only decimal numbers are allowed (no hexadecimal, binary or octal)`);
    }
    const number = new TD(value.toString());
    if (!number.isZero() && Math.abs(number.e) > MAX_EXPONENT) refuse(at, `${token?.text ?? value.toString()} is out of range (magnitude must be between 1e-${MAX_EXPONENT} and 1e${MAX_EXPONENT})`);
    return { node: { kind: 'number', value: number, start: at, at }, type: 'number' };
  }

  private resolve(name: string, at: number): void {
    const { scope, uses } = this;
    if (scope.constants.has(name)) uses.constants.add(name);
    else if (scope.indicators.has(name)) uses.indicators.add(name);
    else if (scope.earlier.has(name)) uses.formulas.add(name);
    else if (name === 'year') uses.year = true;
    else if (name === 'scheduled') uses.scheduled = true;
    else if (name === scope.self) refuse(at, `formula "${name}" cannot use itself`);
    else if (scope.later.has(name)) {
      refuse(at, `"${name}" is a later formula (formulas[${scope.later.get(name)}])`, 'a formula may only use the formulas before it');
    } else if (isFunctionName(name)) refuse(at, `"${name}" is a function`, `write ${name}(…)`);
    else {
      const known = [...scope.constants, ...scope.indicators, ...scope.earlier, 'year', 'scheduled'];
      const near = closestName(name, known);
      refuse(at, `unknown name "${name}"`, near === undefined ? undefined : `did you mean "${near}"?`);
    }
  }

  private operator(node: MOperator, depth: number): Typed {
    const cur = this.cursor;
    const start = cur.position;
    // mathjs rewrites "a + 4%" into a tree that repeats "a"; nothing of that shape may pass.
    if ((node as { isPercentage?: unknown }).isPercentage === true) refuse(start, ...PERCENT);
    if (node.args.length === 1) {
      const op = UNARY.get(node.fn);
      if (op === undefined) refuse(start, `operator "${node.op}" is not allowed`);
      cur.take();
      const arg = this.walk(node.args[0]!, depth + 1);
      if (op === 'not') requireType(arg, 'boolean', '"not"');
      else requireType(arg, 'number', `unary "${op}"`);
      return { node: { kind: 'unary', op, arg: arg.node, start, at: start }, type: arg.type };
    }
    if (node.args.length !== 2) refuse(start, `operator "${node.op}" is not allowed`);
    const left = this.walk(node.args[0]!, depth + 1);
    if (node.implicit) {
      const next = cur.next?.text ?? '';
      refuse(cur.position, `missing operator before "${next}"`, 'write "*" to multiply; units such as "5 cm" are not supported');
    }
    const at = cur.position;
    const op = BINARY.get(node.fn);
    if (op === undefined) refuse(at, `operator "${node.op}" is not allowed`);
    cur.take();
    const right = this.walk(node.args[1]!, depth + 1);
    let type: ValueType;
    if (ARITHMETIC.has(op) || ORDERING.has(op)) {
      requireType(left, 'number', `"${op}"`, 'left');
      requireType(right, 'number', `"${op}"`, 'right');
      type = ARITHMETIC.has(op) ? 'number' : 'boolean';
    } else if (op === 'and' || op === 'or') {
      requireType(left, 'boolean', `"${op}"`, 'left');
      requireType(right, 'boolean', `"${op}"`, 'right');
      type = 'boolean';
    } else {
      if (left.type !== right.type) refuse(at, `"${op}" compares a number with a condition`);
      type = 'boolean';
    }
    return { node: { kind: 'binary', op, left: left.node, right: right.node, start: left.node.start, at }, type };
  }

  private call(node: MFunction, depth: number): Typed {
    const cur = this.cursor;
    const at = cur.position;
    const allowed = `allowed: ${FUNCTIONS.join(', ')}`;
    if (node.fn.type !== 'SymbolNode') refuse(at, `only the functions ${FUNCTIONS.join(', ')} can be called`);
    const name = (node.fn as MSymbol).name;
    if (!isFunctionName(name)) refuse(at, `unknown function "${name}"`, allowed);
    if (node.optional) refuse(at, 'optional calls ("?.(") are not allowed');
    const [lo, hi] = ARITY[name];
    if (node.args.length < lo || node.args.length > hi) {
      const expected = lo === hi ? `${lo}` : name === 'round' ? '1 or 2' : `at least ${lo}`;
      refuse(at, `${name}() takes ${expected} argument(s), got ${node.args.length}`);
    }
    cur.takeName(name);
    cur.take();
    const args: TNode[] = [];
    for (const arg of node.args) {
      const typed = this.walk(arg, depth + 1);
      requireType(typed, 'number', `${name}()`);
      args.push(typed.node);
      cur.take();
    }
    return { node: { kind: 'call', fn: name, args, start: at, at }, type: 'number' };
  }
}

function requireType(typed: Typed, type: ValueType, what: string, side?: 'left' | 'right'): void {
  if (typed.type === type) return;
  const operand = side ? `its ${side} side` : 'its argument';
  if (type === 'number') refuse(typed.node.start, `${what} needs numbers, but ${operand} is a condition (true/false)`);
  refuse(typed.node.start, `${what} needs conditions (true/false), but ${operand} is a number`);
}

// ---------------------------------------------------------------------------
// Arithmetic shared by evaluation and the save-time check.

function inRange(value: TDec): TDec {
  if (value.isNaN()) throw new EvaluationError('not a real number');
  if (!value.isFinite() || (!value.isZero() && Math.abs(value.e) > MAX_RESULT_EXPONENT)) {
    throw new EvaluationError(`result out of range (magnitude beyond 1e${MAX_RESULT_EXPONENT} or below 1e-${MAX_RESULT_EXPONENT})`);
  }
  return value;
}

function num(value: Value): TDec {
  // Unreachable for checked trees; kept so a wrong tree fails loudly rather than coercing true to 1.
  if (typeof value === 'boolean') throw new EvaluationError('a condition was used as a number');
  return value;
}

function bool(value: Value): boolean {
  if (typeof value !== 'boolean') throw new EvaluationError('a number was used as a condition');
  return value;
}

function arithmetic(op: BinaryOp, a: TDec, b: TDec): TDec {
  switch (op) {
    case '+':
      return inRange(a.plus(b));
    case '-':
      return inRange(a.minus(b));
    case '*':
      return inRange(a.times(b));
    case '/':
      if (b.isZero()) throw new EvaluationError('division by zero');
      return inRange(a.div(b));
    case '^': {
      if (a.isZero() && b.isNeg()) throw new EvaluationError('division by zero (0 raised to a negative power)');
      const r = a.pow(b);
      if (r.isNaN()) throw new EvaluationError('a negative number raised to a fractional power is not a real number');
      return inRange(r);
    }
    default:
      throw new EvaluationError(`"${op}" is not arithmetic`);
  }
}

function compare(op: BinaryOp, a: Value, b: Value): boolean {
  if (op === '==' || op === '!=') {
    const equal = typeof a === 'boolean' || typeof b === 'boolean' ? a === b : a.eq(b);
    return op === '==' ? equal : !equal;
  }
  const x = num(a);
  const y = num(b);
  if (op === '<') return x.lt(y);
  if (op === '<=') return x.lte(y);
  if (op === '>') return x.gt(y);
  return x.gte(y);
}

export const MAX_ROUND_DIGITS = 30;

/** Half away from zero, the rounding of contracts and invoices (四舍五入); negative digits round to tens, hundreds … */
function roundTo(x: TDec, digitsValue: TDec): TDec {
  if (!digitsValue.isInteger() || digitsValue.abs().gt(MAX_ROUND_DIGITS)) {
    throw new EvaluationError(`round(x, digits): digits must be a whole number from -${MAX_ROUND_DIGITS} to ${MAX_ROUND_DIGITS}, got ${showTermsDecimal(digitsValue)}`);
  }
  const digits = digitsValue.toNumber();
  if (digits >= 0) return new TD(x).toDecimalPlaces(digits, TD.ROUND_HALF_UP);
  const factor = new TD(10).pow(-digits);
  return new TD(x).div(factor).toDecimalPlaces(0, TD.ROUND_HALF_UP).times(factor);
}

function applyCall(fn: FunctionName, args: TDec[]): TDec {
  switch (fn) {
    case 'min':
      return args.reduce((m, v) => (v.lt(m) ? v : m));
    case 'max':
      return args.reduce((m, v) => (v.gt(m) ? v : m));
    case 'abs':
      return args[0]!.abs();
    case 'round':
      return roundTo(args[0]!, args[1] ?? new TD(0));
  }
}

function applyUnary(op: UnaryOp, v: Value): Value {
  if (op === 'not') return !bool(v);
  return op === '-' ? num(v).neg() : num(v);
}

// ---------------------------------------------------------------------------
// Evaluation.

/** Evaluates a checked tree. Names come from `lookup`; "? :", "and" and "or" evaluate only the side they need. */
export function evaluateExpression(node: TNode, lookup: (name: string) => TDec | undefined): Value {
  const ev = (n: TNode): Value => evaluateExpression(n, lookup);
  switch (node.kind) {
    case 'number':
    case 'boolean':
      return node.value;
    case 'name': {
      const value = lookup(node.name);
      if (value === undefined) throw new EvaluationError(`no value for "${node.name}"`);
      return value;
    }
    case 'parens':
      return ev(node.inner);
    case 'unary':
      return applyUnary(node.op, ev(node.arg));
    case 'binary': {
      if (node.op === 'and') return bool(ev(node.left)) && bool(ev(node.right));
      if (node.op === 'or') return bool(ev(node.left)) || bool(ev(node.right));
      const a = ev(node.left);
      const b = ev(node.right);
      return ARITHMETIC.has(node.op) ? arithmetic(node.op, num(a), num(b)) : compare(node.op, a, b);
    }
    case 'conditional':
      return bool(ev(node.test)) ? ev(node.then) : ev(node.otherwise);
    case 'call':
      return applyCall(node.fn, node.args.map((a) => num(ev(a))));
  }
}

const UNKNOWN = Symbol('unknown');
type Folded = Value | typeof UNKNOWN;

/**
 * Save-time evaluation with only the constants known: refuses what is certain
 * to fail in some year (division by a zero constant, round() to impossible
 * digits) at the operator's position. Branches a constant condition never
 * takes are not checked, so `k == 0 ? 0 : x / k` with k = 0 is accepted.
 */
function fold(node: TNode, known: ReadonlyMap<string, TDec>): Folded {
  const f = (n: TNode) => fold(n, known);
  const attempt = <T>(compute: () => T): T => {
    try {
      return compute();
    } catch (e) {
      if (e instanceof EvaluationError) refuse(node.at, e.message);
      throw e;
    }
  };
  switch (node.kind) {
    case 'number':
    case 'boolean':
      return node.value;
    case 'name':
      return known.get(node.name) ?? UNKNOWN;
    case 'parens':
      return f(node.inner);
    case 'unary': {
      const v = f(node.arg);
      return v === UNKNOWN ? UNKNOWN : attempt(() => applyUnary(node.op, v));
    }
    case 'binary': {
      const a = f(node.left);
      if (node.op === 'and' && a === false) return false;
      if (node.op === 'or' && a === true) return true;
      const b = f(node.right);
      if (node.op === '/' && b !== UNKNOWN && typeof b !== 'boolean' && b.isZero()) refuse(node.at, 'division by zero');
      if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
      if (node.op === 'and' || node.op === 'or') return b;
      return attempt(() => (ARITHMETIC.has(node.op) ? arithmetic(node.op, num(a), num(b)) : compare(node.op, a, b)));
    }
    case 'conditional': {
      const test = f(node.test);
      if (test === true) return f(node.then);
      if (test === false) return f(node.otherwise);
      f(node.then);
      f(node.otherwise);
      return UNKNOWN;
    }
    case 'call': {
      const args = node.args.map(f);
      const digits = args[1];
      if (node.fn === 'round' && digits !== undefined && digits !== UNKNOWN) attempt(() => roundTo(new TD(0), num(digits)));
      if (args.some((a) => a === UNKNOWN)) return UNKNOWN;
      return attempt(() => applyCall(node.fn, args.map((a) => num(a as Value))));
    }
  }
}

// ---------------------------------------------------------------------------
// Compilation.

/** Parses, whitelists, type-checks and save-time-checks one formula. Never throws for bad input. */
export function compileExpression(source: string, scope: Scope): CompileOutcome {
  try {
    return { ok: true, expression: compileOrThrow(source, scope) };
  } catch (e) {
    if (e instanceof RefusalError) return { ok: false, refusal: e.refusal };
    throw e;
  }
}

function compileOrThrow(source: string, scope: Scope): CompiledExpression {
  if (source.length > MAX_EXPRESSION_LENGTH) refuse(MAX_EXPRESSION_LENGTH + 1, `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  const { tokens, maxNesting } = tokenize(source);
  if (tokens.length === 0) refuse(1, 'the expression is empty');
  if (tokens.length > MAX_TOKENS) refuse(tokens[MAX_TOKENS]!.start + 1, `the expression has more than ${MAX_TOKENS} parts`);
  if (maxNesting > MAX_NESTING) refuse(1, `the expression nests brackets more than ${MAX_NESTING} deep`);
  // "%" is both modulo and a percentage that mathjs expands by copying operands; neither belongs here.
  const percent = tokens.find((t) => t.kind === 'op' && t.text === '%');
  if (percent) refuse(percent.start + 1, ...PERCENT);

  let tree: MNode;
  try {
    tree = math.parse(source) as unknown as MNode;
  } catch (e) {
    if (e instanceof RangeError) refuse(1, 'the expression is nested too deeply');
    const message = e instanceof Error ? e.message : String(e);
    const char = (e as { char?: unknown }).char;
    const position = typeof char === 'number' && Number.isInteger(char) && char >= 1 ? char : 1;
    refuse(position, `syntax error: ${message.replace(/\s*\(char \d+\)$/, '')}`);
  }

  const walker = new Walker(new Cursor(tokens, source.length), scope);
  let typed: Typed;
  try {
    typed = walker.walk(tree, 0);
  } catch (e) {
    if (e instanceof RangeError) refuse(1, 'the expression is nested too deeply');
    throw e;
  }
  if (typed.type !== 'number') refuse(1, 'the formula gives a condition (true/false), not a number', 'write "condition ? 1 : 0"');
  const folded = fold(typed.node, scope.known);
  return { source, root: typed.node, uses: walker.uses, constant: folded === UNKNOWN ? undefined : num(folded) };
}

// ---------------------------------------------------------------------------
// Printing, for the "why this number" trace.

/**
 * The expression with names replaced by `show(name)` where it returns text.
 * Parentheses are the author's (mathjs keeps them as nodes), so the printed
 * structure reads as it was written; negative substituted values get their
 * own so that `x ^ 2` with x = -3 does not read as -(3 ^ 2).
 */
export function printExpression(node: TNode, show?: (name: string) => string | undefined): string {
  const p = (n: TNode) => printExpression(n, show);
  switch (node.kind) {
    case 'number':
      return showTermsDecimal(node.value);
    case 'boolean':
      return String(node.value);
    case 'name': {
      const text = show?.(node.name);
      if (text === undefined) return node.name;
      return text.startsWith('-') ? `(${text})` : text;
    }
    case 'parens':
      return `(${p(node.inner)})`;
    case 'unary':
      return node.op === 'not' ? `not ${p(node.arg)}` : `${node.op}${p(node.arg)}`;
    case 'binary':
      return `${p(node.left)} ${node.op} ${p(node.right)}`;
    case 'conditional':
      return `${p(node.test)} ? ${p(node.then)} : ${p(node.otherwise)}`;
    case 'call':
      return `${node.fn}(${node.args.map(p).join(', ')})`;
  }
}
