import { ZERO, type Dec } from './decimal';

/**
 * The period-average rule of pes-result/1 (docs/decisions/0103): a period's figure is the
 * annual average over its years, and null unless every year has a value, since an average
 * over only some years would be printed under the period's label. The engine's periods, the
 * bargaining-zone rows and the offers' distances all average through here.
 */

/** Σ values; null if any is null. */
export function sumOrNull(values: readonly (Dec | null)[]): Dec | null {
  let total = ZERO;
  for (const v of values) {
    if (v === null) return null;
    total = total.plus(v);
  }
  return total;
}

/** Σ values / their number; null if any is null or there are none. */
export function periodAverage(values: readonly (Dec | null)[]): Dec | null {
  if (values.length === 0) return null;
  const total = sumOrNull(values);
  return total === null ? null : total.div(values.length);
}
