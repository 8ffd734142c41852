import Decimal from 'decimal.js';
import { message, type Message } from './problem';

/**
 * The engine's own Decimal constructor. A clone, so that nothing else in the
 * process (another library calling Decimal.set) can change our precision.
 * 40 significant digits leaves a wide margin over the ≥ 34 the engine promises;
 * half-even rounding keeps long sums free of a systematic drift.
 * The exponent limits make toString() never switch to exponent notation,
 * which the output format (plain decimal strings) relies on.
 */
export const D = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An engine decimal. Instances of the clone share the Decimal instance type. */
export type Dec = Decimal;

export const ZERO: Dec = new D(0);
export const ONE: Dec = new D(1);

/**
 * Syntax of a decimal accepted in a scenario: optional sign, digits with an
 * optional fraction, optional exponent. Deliberately excludes hex/binary/octal
 * literals, NaN, Infinity, blanks and thousands separators, all of which the
 * Decimal constructor would otherwise accept or misread.
 */
export const DECIMAL_SYNTAX = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Values whose decimal exponent lies outside ±MAX_EXPONENT are refused: no
 * amount, rate or volume in this domain comes near, and a value like "1e999999"
 * would otherwise print as a million zeros.
 */
export const MAX_EXPONENT = 30;

/** `problem` says why as a code with its parameters (lib/engine/problem.ts). */
export type DecimalParse = { ok: true; value: Dec } | { ok: false; problem: Message };

const NOT_A_NUMBER = { ok: false, problem: message('engine.notANumber') } as const;

/** Strict parse of a decimal string or a JSON number. Never throws. */
export function parseDecimal(input: unknown): DecimalParse {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return NOT_A_NUMBER;
    if (Number.isInteger(input) && !Number.isSafeInteger(input)) {
      return { ok: false, problem: message('engine.beyondJsonRange', { value: String(input) }) };
    }
    // String() of a double is its shortest round-trip form, i.e. the digits the author wrote.
    text = String(input);
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return NOT_A_NUMBER;
  }
  if (!DECIMAL_SYNTAX.test(text)) return NOT_A_NUMBER;
  const value = new D(text);
  if (!value.isZero() && (value.e > MAX_EXPONENT || value.e < -MAX_EXPONENT)) {
    return { ok: false, problem: message('engine.outOfRange', { value: text, max: MAX_EXPONENT }) };
  }
  return { ok: true, value };
}

/**
 * Output policy for every decimal the engine writes: the full-precision value
 * (at most 40 significant digits, exact where the arithmetic was exact), plain
 * notation, no trailing zeros, "-0" normalised to "0".
 */
export function formatDecimal(value: Dec): string {
  return value.isZero() ? '0' : value.toString();
}

/** Display form used inside human-readable formulas (explain), not for data. */
export function showDecimal(value: Dec): string {
  return formatDecimal(value.toSignificantDigits(15));
}
