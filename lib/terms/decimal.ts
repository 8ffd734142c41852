import Decimal from 'decimal.js';
import { parseDecimal } from '../engine/decimal';

/**
 * The Decimal used to evaluate payment terms. 64 significant digits, the same
 * precision the expression parser is configured with, so that a literal means
 * the same number in both; a private clone so no other code's Decimal.set can
 * change it. Half-even keeps long sums free of drift; the exponent limits keep
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

export type DecimalStringParse = { ok: true; value: TDec; text: string } | { ok: false; reason: string };

/**
 * A decimal written as a JSON string. JSON numbers are refused: they pass
 * through a binary double before we see them, which is exactly what money
 * must not do. Syntax and range rules are the engine's (no NaN, Infinity,
 * hex, blanks, exponents beyond ±30).
 */
export function parseDecimalString(input: unknown, notANumber: string, example: string): DecimalStringParse {
  if (typeof input === 'number') return { ok: false, reason: `${notANumber} (write it as a string in quotes, e.g. "${example}")` };
  if (typeof input !== 'string') return { ok: false, reason: notANumber };
  const parsed = parseDecimal(input);
  if (!parsed.ok) return { ok: false, reason: parsed.reason === 'not a number' ? notANumber : parsed.reason };
  const value = new TD(parsed.value);
  // Canonical but unrounded: an input keeps every digit its author wrote.
  return { ok: true, value, text: value.isZero() ? '0' : value.toString() };
}
