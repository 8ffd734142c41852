import { message, type Message } from '../../engine/problem';
import { MAX_RESULT_EXPONENT, TD, showTermsDecimal, type TDec } from '../decimal';
import type { FunctionName } from '../names';
import { DEFAULT_WATER_BODY, isWaterBody, isWaterClass, isWaterIndicator, waterClass } from '../water-class';
import { aggregateOf, shareOf } from '../samples';
import { ARITHMETIC, type BinaryOp, type SampleNode, type TNode, type UnaryOp, type Value } from './tree';

/** The third stage: a checked tree and the year's values to a number, in decimal arithmetic. */

/** A failure while evaluating: division by zero, an impossible power, a result out of range. */
export class EvaluationError extends Error {
  constructor(readonly reason: Message) {
    super(reason.code);
  }
}

const fail = (code: string, params?: Parameters<typeof message>[1]): never => {
  throw new EvaluationError(message(code, params));
};

export const MAX_ROUND_DIGITS = 30;

function inRange(value: TDec): TDec {
  if (value.isNaN()) fail('engine.notReal');
  if (!value.isFinite() || (!value.isZero() && Math.abs(value.e) > MAX_RESULT_EXPONENT)) fail('engine.resultOutOfRange', { max: MAX_RESULT_EXPONENT });
  return value;
}

export function num(value: Value): TDec {
  // Unreachable for checked trees; kept so a wrong tree fails loudly rather than coercing true to 1.
  if (typeof value === 'boolean') fail('engine.conditionAsNumber');
  return value as TDec;
}

function bool(value: Value): boolean {
  if (typeof value !== 'boolean') fail('engine.numberAsCondition');
  return value as boolean;
}

export function arithmetic(op: BinaryOp, a: TDec, b: TDec): TDec {
  switch (op) {
    case '+':
      return inRange(a.plus(b));
    case '-':
      return inRange(a.minus(b));
    case '*':
      return inRange(a.times(b));
    case '/':
      if (b.isZero()) fail('engine.divisionByZero');
      return inRange(a.div(b));
    case '^': {
      if (a.isZero() && b.isNeg()) fail('engine.divisionByZeroPower');
      const r = a.pow(b);
      if (r.isNaN()) fail('engine.negativeFractional');
      return inRange(r);
    }
    default:
      return fail('engine.notArithmetic', { op });
  }
}

export function compare(op: BinaryOp, a: Value, b: Value): boolean {
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

/** Half away from zero, the rounding of contracts and invoices (四舍五入); negative digits round to tens, hundreds … */
export function roundTo(x: TDec, digitsValue: TDec): TDec {
  if (!digitsValue.isInteger() || digitsValue.abs().gt(MAX_ROUND_DIGITS)) fail('engine.roundDigits', { max: MAX_ROUND_DIGITS, got: showTermsDecimal(digitsValue) });
  const digits = digitsValue.toNumber();
  if (digits >= 0) return new TD(x).toDecimalPlaces(digits, TD.ROUND_HALF_UP);
  const factor = new TD(10).pow(-digits);
  return new TD(x).div(factor).toDecimalPlaces(0, TD.ROUND_HALF_UP).times(factor);
}

/** An argument of a function: a number, or a quoted name where the function takes one (gbclass). */
export type Argument = TDec | string;

// Unreachable for checked trees, like num(): check.ts lets text through only where a name belongs.
const numberArgument = (a: Argument): TDec => (typeof a === 'string' ? fail('engine.textInQuotes') : a);
const nameArgument = (fn: FunctionName, a: Argument, index: number): string => (typeof a === 'string' ? a : fail('engine.terms.nameArgument', { name: fn, index: index + 1 }));

/** The class of GB 3838-2002 Table 1 (water-class.ts) as a number; the names were checked at save time and are checked again here. */
function gbclass(indicator: string, value: TDec, body: string): TDec {
  if (!isWaterIndicator(indicator)) return fail('engine.terms.unknownWaterIndicator', { name: indicator });
  if (!isWaterBody(body)) return fail('engine.terms.unknownWaterBody', { name: body });
  const found = waterClass(indicator, body, value);
  return found === undefined ? fail('engine.terms.lakesOnly', { name: indicator }) : new TD(found);
}

/** The worst (largest) of classes, each a whole number from 1 to 6. */
function worstClass(classes: TDec[]): TDec {
  const wrong = classes.find((c) => !isWaterClass(c));
  if (wrong !== undefined) fail('engine.terms.notAClass', { got: showTermsDecimal(wrong) });
  return classes.reduce((m, v) => (v.gt(m) ? v : m));
}

export function applyCall(fn: FunctionName, args: readonly Argument[]): TDec {
  switch (fn) {
    case 'min':
      return args.map(numberArgument).reduce((m, v) => (v.lt(m) ? v : m));
    case 'max':
      return args.map(numberArgument).reduce((m, v) => (v.gt(m) ? v : m));
    case 'abs':
      return numberArgument(args[0]!).abs();
    case 'round':
      return roundTo(numberArgument(args[0]!), args[1] === undefined ? new TD(0) : numberArgument(args[1]));
    case 'gbclass':
      return gbclass(nameArgument(fn, args[0]!, 0), numberArgument(args[1]!), args[2] === undefined ? DEFAULT_WATER_BODY : nameArgument(fn, args[2], 2));
    case 'worstclass':
      return worstClass(args.map(numberArgument));
  }
}

export function applyUnary(op: UnaryOp, v: Value): Value {
  if (op === 'not') return !bool(v);
  return op === '-' ? num(v).neg() : num(v);
}

/** Where the aggregates of a formula read the year's samples. */
export interface SampleSource {
  /**
   * The counted values of an indicator's samples for the year (censored ones as the terms count
   * them); undefined where the indicator has one value, which then counts as one sample.
   */
  values(indicator: string): readonly TDec[] | undefined;
  /** Told of each aggregate as it is evaluated (with the bound of a share), for the trace. */
  seen?(node: SampleNode, value: TDec, bound?: TDec): void;
}

/** The values an aggregate reads: the samples, or the one value `lookup` has. */
function sampleValues(indicator: string, lookup: (name: string) => TDec | undefined, samples: SampleSource | undefined): readonly TDec[] {
  const values = samples?.values(indicator);
  if (values !== undefined) return values;
  const one = lookup(indicator);
  return one === undefined ? fail('engine.noValueForName', { name: indicator }) : [one];
}

/**
 * Evaluates a checked tree. Names come from `lookup`, the samples of `mean(codmn)` … from
 * `samples` (without it an indicator's one value is its only sample); "? :", "and" and "or"
 * evaluate only the side they need.
 */
export function evaluateExpression(node: TNode, lookup: (name: string) => TDec | undefined, samples?: SampleSource): Value {
  const ev = (n: TNode): Value => evaluateExpression(n, lookup, samples);
  switch (node.kind) {
    case 'number':
    case 'boolean':
      return node.value;
    case 'name': {
      const value = lookup(node.name);
      return value ?? fail('engine.noValueForName', { name: node.name });
    }
    case 'text':
      return fail('engine.textInQuotes');
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
      return applyCall(
        node.fn,
        node.args.map((a) => (a.kind === 'text' ? a.value : num(ev(a)))),
      );
    case 'aggregate': {
      const value = aggregateOf(node.fn, sampleValues(node.indicator, lookup, samples));
      samples?.seen?.(node, value);
      return value;
    }
    case 'share': {
      const bound = num(ev(node.bound));
      const values = sampleValues(node.indicator, lookup, samples);
      // share(4 >= x) is share(x <= 4).
      const value = shareOf(values, shareOperator(node), bound);
      samples?.seen?.(node, value, bound);
      return value;
    }
  }
}

const FLIPPED = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;

/** The comparison of a share with the indicator first: `4 >= x` as `x <= 4`. */
export function shareOperator(node: Extract<TNode, { kind: 'share' }>) {
  return node.indicatorFirst ? node.op : FLIPPED[node.op];
}
