import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import { beijingDay } from '@/lib/domain/format';
import type { ReversePaymentInput } from '@/lib/domain/fund-schemas';
import { oppositeDirection, paymentDateProblem, paymentDateWindow } from '@/lib/domain/payment-rules';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { loadAdministration } from './administration';
import { inFundTransaction, mayAdminister } from './fund-access';
import { paymentDto } from './fund-dto';
import { text } from '@/lib/domain/local-text';

/**
 * Undoes a recorded payment honestly: a new entry of the same amount the other way that names the
 * payment it reverses and says why (a duplicate, a wrong funder or amount). The original stays on
 * the ledger, marked reversed; the two net to nothing. A payment is reversed once; a reversal is
 * not reversed (the payment is recorded again instead).
 */
export async function reversePayment({
  actor,
  origin,
  dealId,
  agreementId,
  input,
  now = new Date(),
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  input: ReversePaymentInput;
  now?: Date;
}) {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async (tx, { access, agreement }) => {
    const admin = await loadAdministration(tx, agreement);
    const original = admin.payments.find((p) => p.id === input.reverses);
    if (!original) throw new ValidationError(text('reversalNotFound', { id: input.reverses }), 'reverses');
    if (original.reversesId) throw new ConflictError(text('reversalOfReversal'));
    const earlier = admin.payments.find((p) => p.reversesId === original.id);
    if (earlier) throw new ConflictError(text('alreadyReversed', { paidOn: earlier.paidOn.toISOString().slice(0, 10) }));
    const window = paymentDateWindow({ year: original.year, agreementDrafted: beijingDay(agreement.createdAt), today: beijingDay(now) });
    const originalDay = original.paidOn.toISOString().slice(0, 10);
    // Money cannot go back before it came.
    const dateProblem = paymentDateProblem(input.paidOn, { earliest: originalDay > window.earliest ? originalDay : window.earliest, latest: window.latest });
    if (dateProblem) throw ValidationError.listing([dateProblem], (lines) => text('paymentNotRecorded', { problems: lines }));

    const reversal = await tx.payment.create({
      data: {
        agreementId: agreement.id,
        year: original.year,
        settlementId: original.settlementId,
        funder: original.funder,
        partyId: original.partyId,
        direction: oppositeDirection(original.direction),
        amount: original.amount,
        paidOn: new Date(`${input.paidOn}T00:00:00Z`),
        reference: original.reference,
        reversesId: original.id,
        reversalReason: input.reason,
        recordedById: actor.id,
        recordedByName: actor.name,
      },
    });
    await appendAuditEvent(tx, {
      action: 'payment.reversed',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: {
        before: { paymentId: original.id, direction: original.direction, amount: original.amount.toFixed(2), paidOn: originalDay, reference: original.reference },
        after: {
          paymentId: reversal.id,
          reversesId: original.id,
          year: original.year,
          funder: original.funder,
          ...(original.partyId ? { party: original.partyId } : {}),
          direction: reversal.direction,
          amount: reversal.amount.toFixed(2),
          paidOn: input.paidOn,
          reason: input.reason,
        },
      },
    });
    return paymentDto(reversal, null, admin.terms?.parties);
  });
}
