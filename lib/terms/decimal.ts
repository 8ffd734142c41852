import Decimal from 'decimal.js';
import { DECIMAL_SYNTAX, MAX_EXPONENT, parseDecimal } from '../engine/decimal';
import { message, type Message } from '../engine/problem';

/**
 * The Decimal used to evaluate payment terms. 64 significant digits; a
 * private clone so no other code's Decimal.set can change it. Half-even keeps long sums free of drift; the exponent limits keep
 * toString() in plain notation (outputs are decimal strings).
 */
export const TD = Decimal.clone({
  precision: 64,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type TDec = Decimal;

/** Output policy shared with lib/engine (docs/decisions/0102): at most 40 significant digits, plain, no "-0". */
export const OUTPUT_DIGITS = 40;

/**
 * Intermediate results beyond 1e±60 are refused rather than printed: no amount
 * or index comes near, and `0.5 ^ 1e9` would otherwise print a billion digits.
 */
export const MAX_RESULT_EXPONENT = 60;

export function formatTermsDecimal(value: TDec): string {
  if (value.isZero()) return '0';
  return new TD(value).toSignificantDigits(OUTPUT_DIGITS).toString();
}

/** Short form for the human-readable trace only; data keeps full precision. */
export function showTermsDecimal(value: TDec): string {
  if (value.isZero()) return '0';
  return new TD(value).toSignificantDigits(15).toString();
}

export type DecimalStringParse = { ok: true; value: TDec; text: string } | { ok: false; reason: Message };

/**
 * A decimal written as a JSON string. JSON numbers are refused: they pass
 * through a binary double before we see them, which is exactly what money
 * must not do. Syntax and range rules are the engine's (no NaN, Infinity,
 * hex, blanks, exponents beyond ±30); `notANumber` is the code for a value
 * that is no decimal at all.
 */
export function parseDecimalString(input: unknown, notANumber: string, example: string): DecimalStringParse {
  if (typeof input === 'number') return { ok: false, reason: message('engine.writeAsString', { reason: message(notANumber), example }) };
  if (typeof input !== 'string') return { ok: false, reason: message(notANumber) };
  const parsed = parseDecimal(input);
  if (!parsed.ok) {
    // The engine refuses a decimal's syntax or, when the syntax is right, its magnitude.
    return { ok: false, reason: DECIMAL_SYNTAX.test(input) ? message('engine.outOfRange', { value: input, max: MAX_EXPONENT }) : message(notANumber) };
  }
  const value = new TD(parsed.value);
  // Canonical but unrounded: an input keeps every digit its author wrote.
  return { ok: true, value, text: value.isZero() ? '0' : value.toString() };
}
