import { parseDecimal } from '@/lib/engine/decimal';

export type CellKind = 'amount' | 'fraction' | 'positive' | 'year' | 'count' | 'unit';
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
