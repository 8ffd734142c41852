import { MAX_EXPONENT } from '../../engine/decimal';
import { message, type Message } from '../../engine/problem';
import { TD, type TDec } from '../decimal';
import { CALLABLE, closestName, isFunctionName, isSampleFunctionName, type FunctionName } from '../names';
import { SHARE_OPERATORS, type Aggregate, type ShareOperator } from '../samples';
import { DEFAULT_WATER_BODY, WATER_BODIES, WATER_INDICATORS, isClassed, isWaterBody, isWaterIndicator } from '../water-class';
import { partAt, type Syntax } from './parse';
import { refuse } from './refusal';
import { ARITHMETIC, COMPARISON, ORDERING, nodesOf, type BinaryOp, type TNode, type UnaryOp, type ValueType } from './tree';

/**
 * The second stage: a syntax tree to a checked one. Only the language's own constructs pass; every
 * other one is refused at the position where it starts, and so are names that mean nothing here,
 * formulas used before they are defined and numbers used as conditions (or the reverse). The walk
 * goes left to right, so the first problem in the text is the one reported.
 */

/** Keeps the walk, and the evaluation of what passes, far from the call-stack limit. */
const MAX_DEPTH = 500;

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

export interface Typed {
  node: TNode;
  type: ValueType;
}

const UNARY = new Set<string>(['-', '+', 'not']);
const BINARY = new Set<string>([...ARITHMETIC, ...COMPARISON, 'and', 'or']);
const DECIMAL_LITERAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const ARITY: Record<FunctionName, [number, number]> = { min: [1, 50], max: [1, 50], abs: [1, 1], round: [1, 2], gbclass: [2, 3], worstclass: [1, 50] };
/** How many arguments, said in words where a function takes a range of them that is not "at least". */
const EXPECTED: Partial<Record<FunctionName, Message>> = { round: message('engine.terms.oneOrTwo'), gbclass: message('engine.terms.twoOrThree') };
/** The arguments (0-based) that are quoted names, not numbers: the only place text in quotes is allowed. */
const NAME_ARGUMENTS: Partial<Record<FunctionName, readonly number[]>> = { gbclass: [0, 2] };

const PERCENT = [message('engine.percent'), message('engine.percentHint')] as const;

/** Constructs of other languages, refused by name. */
const REFUSED: Partial<Record<Syntax['kind'], readonly [Message, Message?]>> = {
  access: [message('engine.propertyAccess')],
  matrix: [message('engine.lists')],
  object: [message('engine.objects')],
  range: [message('engine.ranges')],
  chain: [message('engine.chained'), message('engine.chainedHint')],
  text: [message('engine.textInQuotes')],
};

export class Checker {
  readonly uses: Uses = { constants: new Set(), indicators: new Set(), formulas: new Set(), year: false, scheduled: false };
  constructor(
    private readonly source: string,
    private readonly scope: Scope,
  ) {}

  check(node: Syntax, depth = 0): Typed {
    if (depth > MAX_DEPTH) refuse(node.start, message('engine.nestedTooDeeply'));
    const start = node.start;
    switch (node.kind) {
      case 'number':
        return { node: { kind: 'number', value: this.number(node.text, start), start, at: start }, type: 'number' };
      case 'boolean':
        return { node: { kind: 'boolean', value: node.value, start, at: start }, type: 'boolean' };
      case 'literal':
        return refuse(start, message(node.text === 'NaN' || node.text === 'Infinity' ? 'engine.notFinite' : 'engine.quotedNotNumber', { text: node.text }));
      case 'name':
        this.resolve(node.name, start);
        return { node: { kind: 'name', name: node.name, start, at: start }, type: 'number' };
      case 'parens': {
        const inner = this.check(node.inner, depth + 1);
        return { node: { kind: 'parens', inner: inner.node, start, at: start }, type: inner.type };
      }
      case 'unary':
        return this.unary(node, depth);
      case 'postfix':
        return refuse(start, message('engine.operatorNotAllowed', { op: node.op }));
      case 'percent':
        this.check(node.arg, depth + 1);
        return refuse(node.at, ...PERCENT);
      case 'binary':
        return this.binary(node, depth);
      case 'implicit':
        this.check(node.left, depth + 1);
        return refuse(node.at, message('engine.missingOperator', { next: partAt(this.source, node.at) }), message('engine.missingOperatorHint'));
      case 'conditional':
        return this.conditional(node, depth);
      case 'call':
        return this.call(node, depth);
      case 'assign':
        if (node.defines) refuse(start, message('engine.definingFunctions'));
        return refuse(start, message('engine.assignment'), message('engine.compareWith'));
      default: {
        const [what, hint] = REFUSED[node.kind]!;
        return refuse(start, what, hint);
      }
    }
  }

  private number(text: string, at: number): TDec {
    if (!DECIMAL_LITERAL.test(text)) refuse(at, message('engine.onlyDecimal', { text }));
    const value = new TD(text);
    if (!value.isFinite()) refuse(at, message('engine.notFinite', { text }));
    if (!value.isZero() && Math.abs(value.e) > MAX_EXPONENT) refuse(at, message('engine.outOfRange', { value: text, max: MAX_EXPONENT }));
    return value;
  }

  private resolve(name: string, at: number): void {
    const { scope, uses } = this;
    if (scope.constants.has(name)) uses.constants.add(name);
    else if (scope.indicators.has(name)) uses.indicators.add(name);
    else if (scope.earlier.has(name)) uses.formulas.add(name);
    else if (name === 'year') uses.year = true;
    else if (name === 'scheduled') uses.scheduled = true;
    else if (name === scope.self) refuse(at, message('engine.cannotUseItself', { name }));
    else if (scope.later.has(name)) refuse(at, message('engine.laterFormula', { name, formulasField: 'formulas', index: scope.later.get(name)! }), message('engine.laterFormulaHint'));
    else if (isFunctionName(name) || isSampleFunctionName(name)) refuse(at, message('engine.isFunction', { name }), message('engine.writeCall', { name }));
    else {
      const near = closestName(name, this.names());
      refuse(at, message('engine.unknownName', { name }), near === undefined ? undefined : message('engine.didYouMean', { near }));
    }
  }

  private names(): string[] {
    const { scope } = this;
    return [...scope.constants, ...scope.indicators, ...scope.earlier, 'year', 'scheduled'];
  }

  /** Whether `node` is a bare name that means a declared indicator (a constant of the same name wins, as in resolve). */
  private isIndicator(node: Syntax): boolean {
    return this.indicatorName(node) !== undefined;
  }

  private indicatorName(node: Syntax): string | undefined {
    return node.kind === 'name' && !this.scope.constants.has(node.name) && this.scope.indicators.has(node.name) ? node.name : undefined;
  }

  private unary(node: Extract<Syntax, { kind: 'unary' }>, depth: number): Typed {
    if (!UNARY.has(node.op)) refuse(node.at, message('engine.operatorNotAllowed', { op: node.op }));
    const op = node.op as UnaryOp;
    const arg = this.check(node.arg, depth + 1);
    if (op === 'not') requireType(arg, 'boolean', '"not"');
    else requireType(arg, 'number', message('engine.terms.unaryOperator', { op }));
    return { node: { kind: 'unary', op, arg: arg.node, start: node.start, at: node.at }, type: arg.type };
  }

  private binary(node: Extract<Syntax, { kind: 'binary' }>, depth: number): Typed {
    const left = this.check(node.left, depth + 1);
    if (node.op === '%') refuse(node.at, ...PERCENT);
    if (!BINARY.has(node.op)) refuse(node.at, message('engine.operatorNotAllowed', { op: node.op }));
    const op = node.op as BinaryOp;
    const right = this.check(node.right, depth + 1);
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
      if (left.type !== right.type) refuse(node.at, message('engine.comparesMixed', { op }));
      type = 'boolean';
    }
    return { node: { kind: 'binary', op, left: left.node, right: right.node, start: node.start, at: node.at }, type };
  }

  private conditional(node: Extract<Syntax, { kind: 'conditional' }>, depth: number): Typed {
    const test = this.check(node.test, depth + 1);
    const then = this.check(node.then, depth + 1);
    const otherwise = this.check(node.otherwise, depth + 1);
    if (test.type !== 'boolean') refuse(test.node.start, message('engine.conditionBeforeQuestion'));
    if (then.type !== otherwise.type) refuse(otherwise.node.start, message('engine.branches'));
    return { node: { kind: 'conditional', test: test.node, then: then.node, otherwise: otherwise.node, start: node.start, at: node.at }, type: then.type };
  }

  private call(node: Extract<Syntax, { kind: 'call' }>, depth: number): Typed {
    const at = node.start;
    if (node.callee.kind !== 'name') refuse(at, message('engine.onlyFunctions', { functions: CALLABLE }));
    const name = node.callee.name;
    // min and max of one indicator are over its samples; of anything else (or of several) as before.
    const overSamples = isSampleFunctionName(name) || ((name === 'min' || name === 'max') && node.args.length === 1 && this.isIndicator(node.args[0]!));
    if (overSamples) {
      if (node.optional) refuse(at, message('engine.optionalCalls'));
      if (node.args.length !== 1) refuse(at, message('engine.arity', { name, expected: '1', got: node.args.length }));
      const arg = node.args[0]!;
      return name === 'share' ? this.share(arg, at, depth) : this.aggregate(name as Aggregate, arg, at);
    }
    if (!isFunctionName(name)) refuse(at, message('engine.unknownFunction', { name }), message('engine.allowedFunctions', { functions: CALLABLE }));
    if (node.optional) refuse(at, message('engine.optionalCalls'));
    const [lo, hi] = ARITY[name];
    if (node.args.length < lo || node.args.length > hi) {
      const expected = lo === hi ? String(lo) : (EXPECTED[name] ?? message('engine.terms.atLeast', { min: lo }));
      refuse(at, message('engine.arity', { name, expected, got: node.args.length }));
    }
    const names = NAME_ARGUMENTS[name] ?? [];
    const args = node.args.map((arg, index): TNode => {
      if (names.includes(index)) return quotedName(name, arg, index);
      const typed = this.check(arg, depth + 1);
      requireType(typed, 'number', `${name}()`);
      return typed.node;
    });
    if (name === 'gbclass') checkWaterClassNames(args);
    return { node: { kind: 'call', fn: name, args, start: at, at }, type: 'number' };
  }

  /** `mean(codmn)` …: the argument a declared indicator, by its bare name. */
  private aggregate(fn: Aggregate, arg: Syntax, at: number): Typed {
    const inner = unwrap(arg);
    const indicator = this.indicatorName(inner) ?? this.notAnIndicator(fn, inner);
    this.uses.indicators.add(indicator);
    return { node: { kind: 'aggregate', fn, indicator, start: at, at }, type: 'number' };
  }

  /**
   * `share(codmn <= 4)`: a comparison (`<`, `<=`, `>`, `>=`) of a declared indicator with a bound,
   * either way round. The bound is one number for the year: it reads no indicator, neither bare (a
   * reader could take `share(codmn <= tp)` to pair the samples) nor in an aggregate.
   */
  private share(arg: Syntax, at: number, depth: number): Typed {
    const comparison = unwrap(arg);
    const example = message('engine.terms.shareExample');
    if (comparison.kind !== 'binary' || !COMPARISON.has(comparison.op)) {
      // What is wrong inside the argument first, left to right.
      this.check(arg, depth + 1);
      return refuse(arg.start, message('engine.terms.shareComparison'), example);
    }
    if (!ORDERING.has(comparison.op)) refuse(comparison.at, message('engine.terms.shareOperator', { op: comparison.op, operators: [...SHARE_OPERATORS] }), example);
    const op = comparison.op as ShareOperator;
    const left = this.indicatorName(unwrap(comparison.left));
    if (left !== undefined) return this.shareNode(left, op, this.bound(comparison.right, depth), true, at);
    // `share(4 >= codmn)`: the bound is checked first, as it comes first.
    const bound = this.bound(comparison.left, depth);
    const right = unwrap(comparison.right);
    const indicator = this.indicatorName(right);
    if (indicator !== undefined) return this.shareNode(indicator, op, bound, false, at);
    if (right.kind === 'name') this.resolve(right.name, right.start);
    return refuse(comparison.start, message('engine.terms.shareComparison'), example);
  }

  private shareNode(indicator: string, op: ShareOperator, bound: TNode, indicatorFirst: boolean, at: number): Typed {
    this.uses.indicators.add(indicator);
    return { node: { kind: 'share', indicator, op, bound, indicatorFirst, start: at, at }, type: 'number' };
  }

  /** The bound of share(): a number that reads no indicator, refused at the first that it does read. */
  private bound(syntax: Syntax, depth: number): TNode {
    const typed = this.check(syntax, depth + 1);
    requireType(typed, 'number', 'share()');
    for (const node of nodesOf(typed.node)) {
      const name =
        node.kind === 'name' && this.scope.indicators.has(node.name) && !this.scope.constants.has(node.name)
          ? node.name
          : node.kind === 'aggregate' || node.kind === 'share'
            ? node.indicator
            : undefined;
      if (name !== undefined) refuse(node.start, message('engine.terms.shareBound', { name }));
    }
    return typed.node;
  }

  /** Refuses the argument of an aggregate that is no declared indicator: an unknown name as such, with its hint. */
  private notAnIndicator(fn: string, arg: Syntax): never {
    if (arg.kind === 'name') this.resolve(arg.name, arg.start);
    const indicators = [...this.scope.indicators];
    return refuse(
      arg.start,
      message('engine.terms.aggregateIndicator', { name: fn }),
      indicators.length ? message('engine.terms.declaredIndicators', { indicators }) : message('engine.terms.noIndicators'),
    );
  }
}

/** What stands inside the author's brackets: `share((codmn <= 4))` is `share(codmn <= 4)`. */
function unwrap(node: Syntax): Syntax {
  let inner = node;
  while (inner.kind === 'parens') inner = inner.inner;
  return inner;
}

/** A quoted name where `fn` takes one; anything else is refused at its start, a bare name with the quotes it lacks. */
function quotedName(fn: FunctionName, arg: Syntax, index: number): TNode {
  if (arg.kind === 'text') return { kind: 'text', value: arg.value, start: arg.start, at: arg.start };
  const hint = arg.kind === 'name' ? message('engine.terms.quoteName', { name: arg.name }) : undefined;
  return refuse(arg.start, message('engine.terms.nameArgument', { name: fn, index: index + 1 }), hint);
}

/**
 * gbclass(indicator, value, body?): the indicator and the water body must be ones GB 3838-2002
 * Table 1 classes (water-class.ts), checked left to right like the rest; total nitrogen only in
 * lakes and reservoirs, refused at the indicator.
 */
function checkWaterClassNames(args: TNode[]): void {
  const [indicator, , body] = args;
  if (indicator?.kind !== 'text') return;
  if (!isWaterIndicator(indicator.value)) {
    refuse(indicator.start, message('engine.terms.unknownWaterIndicator', { name: indicator.value }), message('engine.terms.waterIndicators', { indicators: WATER_INDICATORS }));
  }
  if (body?.kind === 'text' && !isWaterBody(body.value)) {
    refuse(body.start, message('engine.terms.unknownWaterBody', { name: body.value }), message('engine.terms.waterBodies', { bodies: WATER_BODIES }));
  }
  const water = body?.kind === 'text' && isWaterBody(body.value) ? body.value : DEFAULT_WATER_BODY;
  if (!isClassed(indicator.value, water)) refuse(indicator.start, message('engine.terms.lakesOnly', { name: indicator.value }), message('engine.terms.writeLake', { name: indicator.value }));
}

/** Refuses a condition where a number belongs, or the reverse, at the start of the operand. */
function requireType(typed: Typed, type: ValueType, what: string | Message, side?: 'left' | 'right'): void {
  if (typed.type === type) return;
  const operand = side ? message('engine.itsSide', { side: message(side === 'left' ? 'engine.left' : 'engine.right') }) : message('engine.itsArgument');
  refuse(typed.node.start, message(type === 'number' ? 'engine.needsNumbers' : 'engine.needsConditions', { what, operand }));
}
