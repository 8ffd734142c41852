import type { Side } from './actor';
import { refusal, text, type Refusal } from './local-text';

/**
 * An offer's life. The sender may withdraw it until it is answered; the other side accepts,
 * rejects (with a reason) or counters (a new offer that answers it). Past its validity date an
 * unanswered offer is expired. Every other move is refused.
 */
export const offerStatuses = ['SENT', 'ACCEPTED', 'REJECTED', 'COUNTERED', 'WITHDRAWN', 'EXPIRED'] as const;
export type OfferStatus = (typeof offerStatuses)[number];
export type OfferMove = 'accept' | 'reject' | 'counter' | 'withdraw';
/** What a move leaves in the database; EXPIRED is read from the date, never stored. */
type AnsweredStatus = Exclude<OfferStatus, 'SENT' | 'EXPIRED'>;

const result: Record<OfferMove, AnsweredStatus> = { accept: 'ACCEPTED', reject: 'REJECTED', counter: 'COUNTERED', withdraw: 'WITHDRAWN' };

export function effectiveStatus(offer: { status: OfferStatus; validUntil: Date }, now: Date): OfferStatus {
  return offer.status === 'SENT' && offer.validUntil.getTime() < now.getTime() ? 'EXPIRED' : offer.status;
}

/** Null when the move is allowed, otherwise why not. */
export function refuseMove(offer: { status: OfferStatus; validUntil: Date; fromSide: Side; toSide: Side }, move: OfferMove, actorSide: Side, now: Date): Refusal | null {
  const status = effectiveStatus(offer, now);
  if (status !== 'SENT') return refusal(text('offerIsAlready', { status: text(`offerState.${status}`) }));
  if (move === 'withdraw') return actorSide === offer.fromSide ? null : refusal(text('onlyOfferingSideWithdraws'));
  return actorSide === offer.toSide ? null : refusal(text('onlySideMayMove', { side: text(`side.${offer.toSide}`), move: text(`move.${move}`) }));
}

export function statusAfter(move: OfferMove): AnsweredStatus {
  return result[move];
}

/** The two negotiating sides face each other; fund and observers do not make offers. */
export function counterpart(side: Side): Side | null {
  return side === 'UPSTREAM' ? 'DOWNSTREAM' : side === 'DOWNSTREAM' ? 'UPSTREAM' : null;
}
