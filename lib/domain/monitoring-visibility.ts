import type { Side } from './actor';

/**
 * Blind entry (docs/decisions/0067): a party's lab does not see the other labs' results for a year
 * and indicator until it has entered its own, the fund has closed the year's entry, or the year is
 * settled. Otherwise the lesson for a lab would be to wait and report whatever agrees. The fund and
 * observers, who report nothing, see everything.
 */

/** The sides whose own lab reports, and who therefore enter blind. */
export function entersBlind(side: Side | string): side is 'UPSTREAM' | 'DOWNSTREAM' {
  return side === 'UPSTREAM' || side === 'DOWNSTREAM';
}

export interface CellFacts {
  /** Whether the viewer's side has ever entered a result for the cell (superseded ones count). */
  enteredOwn: boolean;
  /** The fund closed the year's entry, or the year's settlement is confirmed. */
  yearOpened: boolean;
}

/** Whether the other labs' results of a cell are hidden from this viewer. */
export function sealedFor(viewer: Side | string, facts: CellFacts): boolean {
  return entersBlind(viewer) && !facts.enteredOwn && !facts.yearOpened;
}

export const cellKeyOf = (agreementId: string, year: number, indicator: string) => `${agreementId}\u0000${year}\u0000${indicator}`;
export const yearKeyOf = (agreementId: string, year: number) => `${agreementId}\u0000${year}`;

/** The facts of a viewer's cells: which it entered itself and which years are open to everyone. */
export interface SealFacts {
  entered: ReadonlySet<string>;
  openedYears: ReadonlySet<string>;
}

/** A predicate over cells, from the viewer's side and the facts of its agreements. */
export function sealOf(viewer: Side | string, facts: SealFacts): (agreementId: string, year: number, indicator: string) => boolean {
  if (!entersBlind(viewer)) return () => false;
  return (agreementId, year, indicator) =>
    sealedFor(viewer, { enteredOwn: facts.entered.has(cellKeyOf(agreementId, year, indicator)), yearOpened: facts.openedYears.has(yearKeyOf(agreementId, year)) });
}

type Loose = Record<string, unknown>;
const isObj = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A monitoring event's summary as a blind viewer may read it: the values of cells still sealed
 * for it are removed (who entered what, for which year and indicator, stays). Other events pass.
 */
export function sealedSummary(
  event: { action: string; objectId: string | null; side: string | null; summary: unknown },
  viewer: Side | string,
  sealed: (agreementId: string, year: number, indicator: string) => boolean,
): unknown {
  if (!entersBlind(viewer) || !event.objectId || !isObj(event.summary)) return event.summary;
  const agreementId = event.objectId;
  const { before, after } = event.summary;
  const hidden = (year: unknown, indicator: unknown) => typeof year === 'number' && typeof indicator === 'string' && sealed(agreementId, year, indicator);
  if (event.action === 'monitoring.entered' && event.side !== viewer && isObj(after) && hidden(after.year, after.indicator)) {
    const { value: _value, samples: _samples, ...rest } = after;
    const earlier = isObj(before) ? (({ value: _v, ...kept }) => kept)(before) : before;
    return { ...event.summary, before: earlier, after: rest };
  }
  if (event.action === 'monitoring.imported' && event.side !== viewer && isObj(after) && Array.isArray(after.values)) {
    return { ...event.summary, after: { ...after, values: after.values.filter((row) => !(isObj(row) && hidden(row.year, row.indicator))) } };
  }
  if (event.action === 'monitoring.dispute_resolved' && isObj(before) && isObj(after) && hidden(before.year, before.indicator)) {
    // The sentence names a value: a dash stands for the one this viewer may not see yet.
    return { ...event.summary, before: { year: before.year, indicator: before.indicator }, after: { method: after.method, resolutionId: after.resolutionId, value: '—' } };
  }
  return event.summary;
}
