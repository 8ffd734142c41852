import Decimal from 'decimal.js';
import { problem, text, type Problem } from './local-text';
import type { Funder, PaymentDirection } from './ledger';

/**
 * What the fund's ledger refuses before a payment is written (docs/decisions/0068): a date the money
 * cannot have moved on, and a second entry of the same transfer. A mistaken entry is never edited:
 * it is undone by a reversal that names it and says why.
 */

/** How long before its year an advance may be paid, and before the agreement was drafted a payment may be dated. */
export const ADVANCE_WINDOW_DAYS = 365;

const dayMs = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first day a payment for `year` may be dated, and the last (today, in Beijing). */
export function paymentDateWindow(input: { year: number; agreementDrafted: string; today: string }): { earliest: string; latest: string } {
  const beforeYear = isoDay(Date.UTC(input.year, 0, 1) - ADVANCE_WINDOW_DAYS * dayMs);
  const beforeAgreement = isoDay(Date.parse(`${input.agreementDrafted}T00:00:00Z`) - ADVANCE_WINDOW_DAYS * dayMs);
  return { earliest: beforeYear > beforeAgreement ? beforeYear : beforeAgreement, latest: input.today };
}

/** A problem with the payment date (`paidOn`, YYYY-MM-DD), or null. */
export function paymentDateProblem(paidOn: string, window: { earliest: string; latest: string }): Problem | null {
  if (paidOn > window.latest) return problem('paidOn', text('paidInFuture', { paidOn, today: window.latest }));
  if (paidOn < window.earliest) return problem('paidOn', text('paidTooEarly', { paidOn, earliest: window.earliest }));
  return null;
}

export interface PaymentFacts {
  id: string;
  funder: Funder;
  /** The organisation the payment names (docs/decisions/0110); null or absent when none. */
  partyId?: string | null;
  direction: PaymentDirection;
  amount: Decimal.Value;
  paidOn: string;
  reference: string;
}

/** An earlier entry of the same transfer: the same funder and organisation, direction, amount, date and reference. */
export function exactDuplicate<P extends PaymentFacts>(candidate: Omit<PaymentFacts, 'id'>, recorded: readonly P[]): P | null {
  const reference = candidate.reference.trim().toLowerCase();
  return (
    recorded.find(
      (p) =>
        p.funder === candidate.funder &&
        (p.partyId ?? null) === (candidate.partyId ?? null) &&
        p.direction === candidate.direction &&
        new Decimal(p.amount).equals(candidate.amount) &&
        p.paidOn === candidate.paidOn &&
        p.reference.trim().toLowerCase() === reference,
    ) ?? null
  );
}

export const oppositeDirection = (direction: PaymentDirection): PaymentDirection => (direction === 'TO_UPSTREAM' ? 'FROM_UPSTREAM' : 'TO_UPSTREAM');
