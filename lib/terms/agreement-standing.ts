import { TD, type TDec } from './decimal';

/**
 * Where an agreement stands for the fund (docs/decisions/0087), computed from what is outstanding
 * rather than from whether anything is waiting to be clicked: an agreement whose settled years are
 * not paid is not "up to date", however quiet its monitoring.
 *
 * Money flows in two directions under a two-way rule: downstream (with central government and the
 * upstream party's own budget as co-funders) pays the upstream party, or the upstream party pays
 * compensation back. Each ledger line (agreement × year × funder) is signed toward the upstream
 * party, so a line belongs to the direction of its settled amount, or of its scheduled amount
 * before settlement. The two directions are netted separately and never against each other: a
 * refund owed by the upstream party on one year does not pay what downstream owes on another.
 */

export const standings = ['disputed', 'outstanding', 'toSettle', 'upToDate'] as const;
export type Standing = (typeof standings)[number];

export const flowDirections = ['toUpstream', 'fromUpstream'] as const;
export type FlowDirection = (typeof flowDirections)[number];

/** A ledger line as the standing needs it: decimal strings, signed toward the upstream party. */
export interface StandingLine {
  scheduled: string;
  settled: string | null;
  paid: string;
}

export interface DirectionNetting {
  /** Confirmed settlements in this direction, as a positive amount. */
  settled: string;
  /** Paid in this direction on settled lines, positive. */
  paid: string;
  /** Still to pay on settled lines in this direction (negative: paid more than settled). */
  outstanding: string;
  /** Paid in this direction before the year settled. */
  advances: string;
}

export interface AgreementStanding {
  /** The one status shown: the first that applies of disputed, outstanding, toSettle, upToDate. */
  status: Standing;
  /** Every status that applies (upToDate only alone). */
  reasons: Standing[];
  netting: Record<FlowDirection, DirectionNetting>;
}

const fen = (value: TDec) => value.toDecimalPlaces(2, TD.ROUND_HALF_UP).toFixed(2);

function directionOf(line: StandingLine): FlowDirection {
  const basis = new TD(line.settled ?? line.scheduled);
  if (!basis.isZero()) return basis.isNegative() ? 'fromUpstream' : 'toUpstream';
  // Nothing settled or scheduled: the money moved decides (a refund is a flow from upstream).
  return new TD(line.paid).isNegative() ? 'fromUpstream' : 'toUpstream';
}

/** Each direction's settled, paid, outstanding and advances, all as positive amounts in that direction. */
export function nettingByDirection(lines: readonly StandingLine[]): Record<FlowDirection, DirectionNetting> {
  const zero = () => ({ settled: new TD(0), paid: new TD(0), advances: new TD(0) });
  const sums: Record<FlowDirection, ReturnType<typeof zero>> = { toUpstream: zero(), fromUpstream: zero() };
  for (const line of lines) {
    const direction = directionOf(line);
    const sign = direction === 'toUpstream' ? 1 : -1;
    const sum = sums[direction];
    const paid = new TD(line.paid).times(sign);
    if (line.settled === null) sum.advances = sum.advances.plus(paid);
    else {
      sum.settled = sum.settled.plus(new TD(line.settled).times(sign));
      sum.paid = sum.paid.plus(paid);
    }
  }
  const out = (s: ReturnType<typeof zero>): DirectionNetting => ({ settled: fen(s.settled), paid: fen(s.paid), outstanding: fen(s.settled.minus(s.paid)), advances: fen(s.advances) });
  return { toUpstream: out(sums.toUpstream), fromUpstream: out(sums.fromUpstream) };
}

/**
 * The standing of one agreement: disputed while a monitoring dispute stands; outstanding while a
 * settled line in either direction is not paid in full (or was overpaid: a refund is outstanding
 * too); to settle while a closed year has no confirmed settlement; up to date only when none holds.
 */
export function agreementStanding(input: { lines: readonly StandingLine[]; disputed: number; closedUnsettled: number }): AgreementStanding {
  const netting = nettingByDirection(input.lines);
  const unpaid = input.lines.some((l) => l.settled !== null && !new TD(l.settled).minus(l.paid).isZero());
  const reasons: Standing[] = [];
  if (input.disputed > 0) reasons.push('disputed');
  if (unpaid) reasons.push('outstanding');
  if (input.closedUnsettled > 0) reasons.push('toSettle');
  if (!reasons.length) reasons.push('upToDate');
  return { status: reasons[0]!, reasons, netting };
}
