import { parseDecimal } from '@/lib/engine/decimal';
import { numberValueOf } from '@/components/ui/number-text';

export type CellKind = 'amount' | 'fraction' | 'positive' | 'year' | 'count' | 'unit';
/** What a cell holds: a number of some kind, or a text (a label, a name). */
export type EditKind = CellKind | 'text';
export type CellProblem = 'notANumber' | 'outOfRange' | 'notBetween01' | 'notPositive' | 'notAYear' | 'notAWholeNumber';
export type CellCheck = { ok: true } | { ok: false; problem: CellProblem };

/** Checks the text of a cell as the user types; blank is fine (not given). */
export function checkCell(text: string, kind: CellKind): CellCheck {
  const t = text.trim();
  if (t === '') return { ok: true };
  if (kind === 'year') return /^\d{4}$/.test(t) ? { ok: true } : { ok: false, problem: 'notAYear' };
  if (kind === 'count') return /^\d+$/.test(t) && t.length < 6 ? { ok: true } : { ok: false, problem: 'notAWholeNumber' };
  const parsed = parseDecimal(t);
  if (!parsed.ok) return { ok: false, problem: parsed.problem.code === 'engine.notANumber' ? 'notANumber' : 'outOfRange' };
  if (kind === 'fraction' && (parsed.value.lt(0) || parsed.value.gt(1))) return { ok: false, problem: 'notBetween01' };
  if (kind === 'positive' && !parsed.value.gt(0)) return { ok: false, problem: 'notPositive' };
  if (kind === 'unit' && (!parsed.value.isInteger() || !parsed.value.gt(0))) return { ok: false, problem: 'notAWholeNumber' };
  return { ok: true };
}

/** Why a cell's text is not (yet) in the document: it is not valid, or it is a negative amount not yet confirmed. */
export type DraftProblem = CellProblem | 'empty' | 'negative';

export type CellReading =
  /** Goes into the document as it is: a number as the kit's NumberInput reads it ("１，２３４．５" → "1234.5"), a text as typed. */
  | { kind: 'value'; value: string }
  /** Stays in the cell, flagged; nothing reaches the document ("12abc" is never 12). */
  | { kind: 'refused'; problem: Exclude<DraftProblem, 'negative'> }
  /** A negative amount: stored as typed once the user confirms it. */
  | { kind: 'confirm'; value: string };

/**
 * What a typed or pasted text means for a cell of `kind`: the value it writes, why it is refused,
 * or a negative amount that needs a confirmation (unless `confirmNegative` is false: a growth rate). The one reading every way into a cell shares.
 */
export function readCellText(text: string, kind: EditKind, required = false, confirmNegative = true): CellReading {
  if (required && text.trim() === '') return { kind: 'refused', problem: 'empty' };
  if (kind === 'text') return { kind: 'value', value: text };
  const value = numberValueOf(text);
  const check = checkCell(value, kind);
  if (!check.ok) return { kind: 'refused', problem: check.problem };
  if (confirmNegative && kind === 'amount' && value.startsWith('-')) return { kind: 'confirm', value };
  return { kind: 'value', value };
}
