import { D, ONE, ZERO, type Dec } from './decimal';
import type { FairnessRow, Party } from './negotiation';

/**
 * Several parties per side in the negotiation (issue 17, item 6; docs/decisions/0098): each party's
 * part of its side's cost (the lower bound), of its side's benefit (the upper bound) and of a
 * payment, for the bargaining zone, the offers and the fairness shares. A version's figures are its
 * side's as a whole; a party's part is its agreed share of them (a fixed fraction, or in proportion
 * to a stated quantity such as a water allocation), the same shares the signed terms split the
 * settlements by. Amounts stay in the version's unit at full precision: the negotiation compares,
 * it does not pay (the settlement splits to the fen, lib/terms/parties.ts).
 *
 * Parts of an amount add up to it (to the engine's 40 significant digits): every part but the last
 * is amount × fraction, the last is what remains.
 */

/** A party of one side and what it counts for: its share, or its quantity. */
export interface NegotiationParty {
  id: string;
  weight: string;
}

export interface NegotiationParties {
  upstream: NegotiationParty[];
  downstream: NegotiationParty[];
  /** The fraction of every payment the central government funds (0 when it funds none). */
  centralShare?: string;
}

/** Each party's fraction of its side (weight over the side's total); they add up to exactly 1. */
export function sideFractions(parties: readonly NegotiationParty[]): Dec[] {
  if (!parties.length) throw new RangeError('sideFractions: no parties');
  const weights = parties.map((p) => new D(p.weight));
  if (weights.some((w) => w.isNegative() || !w.isFinite())) throw new RangeError('sideFractions: a weight is negative');
  const total = weights.reduce((sum, w) => sum.plus(w), ZERO);
  if (total.isZero()) throw new RangeError('sideFractions: the weights add up to 0');
  const fractions = weights.map((w) => w.div(total));
  fractions[fractions.length - 1] = ONE.minus(fractions.slice(0, -1).reduce((sum, f) => sum.plus(f), ZERO));
  return fractions;
}

export interface PartyAmount {
  id: string;
  fraction: Dec;
  amount: Dec;
}

/** An amount split among a side's parties: every part amount × fraction, the last the remainder, so the parts add up to it. */
export function partsOf(amount: Dec, parties: readonly NegotiationParty[]): PartyAmount[] {
  const fractions = sideFractions(parties);
  let left = amount;
  return parties.map((p, i) => {
    const part = i === parties.length - 1 ? left : amount.times(fractions[i]!);
    left = left.minus(part);
    return { id: p.id, fraction: fractions[i]!, amount: part };
  });
}

// ------------------------------------------------------------- the bargaining zone by party

export interface UpstreamZonePart {
  id: string;
  fraction: Dec;
  /** Its part of the side's lower bound: the cost it must at least be compensated for. */
  lower: Dec;
  /** Its part of the suggested payment: what it would receive. */
  suggested: Dec | null;
}

export interface DownstreamZonePart {
  id: string;
  fraction: Dec;
  /** Its part of the side's upper bound: the most its benefit makes worth paying; null without one. */
  upper: Dec | null;
  /** What it would pay of the suggested payment (after the central government's share). */
  suggested: Dec | null;
}

export interface ZoneByParty {
  upstream: UpstreamZonePart[];
  downstream: DownstreamZonePart[];
  /** The central government's part of the suggested payment. */
  central: Dec | null;
}

const centralOf = (parties: NegotiationParties) => new D(parties.centralShare ?? 0);

/**
 * One zone row (a year or a period, in the version's unit) by party: each upstream party's part of
 * the lower bound and of the suggested payment, each downstream party's part of the upper bound and
 * of what the downstream side pays of the suggested payment (the rest is the central government's).
 */
export function zoneByParty(row: { lower: Dec; upper: Dec | null; suggested: Dec | null }, parties: NegotiationParties): ZoneByParty {
  const central = centralOf(parties);
  const lower = partsOf(row.lower, parties.upstream);
  const received = row.suggested === null ? null : partsOf(row.suggested, parties.upstream);
  const upper = row.upper === null ? null : partsOf(row.upper, parties.downstream);
  const downstreamPays = row.suggested === null ? null : row.suggested.minus(row.suggested.times(central));
  const paid = downstreamPays === null ? null : partsOf(downstreamPays, parties.downstream);
  const fractions = sideFractions(parties.downstream);
  return {
    upstream: lower.map((p, i) => ({ id: p.id, fraction: p.fraction, lower: p.amount, suggested: received ? received[i]!.amount : null })),
    downstream: parties.downstream.map((p, i) => ({ id: p.id, fraction: fractions[i]!, upper: upper ? upper[i]!.amount : null, suggested: paid ? paid[i]!.amount : null })),
    central: row.suggested === null || downstreamPays === null ? null : row.suggested.minus(downstreamPays),
  };
}

// ------------------------------------------------------------- an offer by party

export interface UpstreamOfferPart {
  id: string;
  offered: Dec;
  lower: Dec;
  /** offered − lower: negative where the offer leaves this party under-compensated. */
  aboveLower: Dec;
}

export interface DownstreamOfferPart {
  id: string;
  /** What this party would pay of the offer (after the central government's share). */
  pays: Dec;
  upper: Dec | null;
  /** upper − pays: negative where this party would pay more than its benefit; null without an upper bound. */
  belowUpper: Dec | null;
}

/** Where an offered amount (one year, the version's unit) stands against each party's part of the bounds. */
export function offerByParty(offered: Dec, bounds: { lower: Dec; upper: Dec | null }, parties: NegotiationParties): { upstream: UpstreamOfferPart[]; downstream: DownstreamOfferPart[]; central: Dec } {
  const central = offered.times(centralOf(parties));
  const received = partsOf(offered, parties.upstream);
  const lower = partsOf(bounds.lower, parties.upstream);
  const paid = partsOf(offered.minus(central), parties.downstream);
  const upper = bounds.upper === null ? null : partsOf(bounds.upper, parties.downstream);
  return {
    upstream: received.map((p, i) => ({ id: p.id, offered: p.amount, lower: lower[i]!.amount, aboveLower: p.amount.minus(lower[i]!.amount) })),
    downstream: paid.map((p, i) => ({ id: p.id, pays: p.amount, upper: upper ? upper[i]!.amount : null, belowUpper: upper ? upper[i]!.amount.minus(p.amount) : null })),
    central,
  };
}

// ------------------------------------------------------------- the fairness shares by party

export interface FairnessPartyShare {
  id: string;
  side: Party;
  /** Its amount in the version's unit and its share of all parties' total (null when the total is 0). */
  amount: Dec;
  share: Dec | null;
}

export interface FairnessByParty {
  cost: FairnessPartyShare[];
  /** Null where the row states no benefit. */
  benefit: FairnessPartyShare[] | null;
  payment: FairnessPartyShare[];
}

/**
 * A fairness row (lib/engine/negotiation.ts: amounts of the upstream side, the downstream side and
 * the central government) by party: each side's amount split among its parties, the central
 * government one party; with a central share of the payments, that part of the payment moves from
 * the downstream side's cost and payment to the central government's. Shares are of all parties'
 * total, so a party's share reads against every other party's, not only its side's.
 */
export function fairnessByParty(row: Pick<FairnessRow, 'amounts' | 'benefit'>, parties: NegotiationParties): FairnessByParty {
  // The row's payments are the downstream side's payment amounts (negotiation.ts, fairnessRows).
  const centralPaid = row.amounts.payment.downstream.times(centralOf(parties));
  const listOf = (amounts: Record<Party, Dec>): FairnessPartyShare[] => {
    const total = amounts.upstream.plus(amounts.downstream).plus(amounts.central);
    const share = (amount: Dec) => (total.isZero() ? null : amount.div(total));
    return [
      ...partsOf(amounts.upstream, parties.upstream).map((p) => ({ id: p.id, side: 'upstream' as const, amount: p.amount, share: share(p.amount) })),
      ...partsOf(amounts.downstream, parties.downstream).map((p) => ({ id: p.id, side: 'downstream' as const, amount: p.amount, share: share(p.amount) })),
      { id: 'central', side: 'central' as const, amount: amounts.central, share: share(amounts.central) },
    ];
  };
  const moved = (amounts: Record<Party, Dec>) => ({ upstream: amounts.upstream, downstream: amounts.downstream.minus(centralPaid), central: amounts.central.plus(centralPaid) });
  return {
    cost: listOf(moved(row.amounts.cost)),
    benefit: row.benefit === null ? null : listOf(row.amounts.benefit),
    payment: listOf(moved(row.amounts.payment)),
  };
}
