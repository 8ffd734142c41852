import { TD } from './decimal';

/**
 * The band the labs' results of one year must fall in to agree (docs/decisions/0087): as wide as
 * the allowed difference and centred midway between the lowest and highest result, so every
 * result lies inside it exactly when the largest difference between them is within the
 * tolerance. Null without two results or without an allowed difference to draw.
 */
export function toleranceBand(values: readonly string[], allowed: string | null): { low: string; high: string } | null {
  if (values.length < 2 || allowed === null) return null;
  const numbers = values.map((v) => new TD(v));
  const lowest = TD.min(...numbers);
  const highest = TD.max(...numbers);
  const centre = lowest.plus(highest).dividedBy(2);
  const half = new TD(allowed).dividedBy(2);
  return { low: centre.minus(half).toString(), high: centre.plus(half).toString() };
}
