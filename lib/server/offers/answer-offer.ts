import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import type { AnswerOfferInput } from '@/lib/domain/offer-schemas';
import { refuseMove, statusAfter, type OfferStatus } from '@/lib/domain/offer-state';
import { createAgreement } from '@/lib/server/agreements/create-agreement';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { offerDto } from './offer-dto';

/** Accept, reject (with a reason) or withdraw; checked again under a row lock, so one answer wins. */
export async function answerOffer({
  actor,
  origin,
  dealId,
  offerId,
  input,
  now = new Date(),
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  offerId: string;
  input: AnswerOfferInput;
  now?: Date;
}) {
  return inDealTransaction({ actor, dealId, right: 'edit', origin }, async (tx, access) => {
    const { membership } = access;
    const [locked] = isId(offerId)
      ? await tx.$queryRaw<{ status: OfferStatus; validUntil: Date; fromSide: string; toSide: string }[]>`
          SELECT status, "validUntil", "fromSide", "toSide" FROM "Offer" WHERE id = ${offerId}::uuid AND "dealId" = ${dealId}::uuid FOR UPDATE`
      : [];
    if (!locked) throw new NotFoundError('offer');
    const refusal = refuseMove(locked as Parameters<typeof refuseMove>[0], input.move, membership.side, now);
    if (refusal) throw new ConflictError(refusal.text);
    const offer = await tx.offer.update({
      where: { id: offerId },
      data: { status: statusAfter(input.move), answeredAt: now, answeredById: actor.id, answerReason: input.move === 'reject' ? input.reason : null },
    });
    // Accepting drafts the agreement in the same transaction: no accepted offer without its draft.
    // Before the audit event: the draft's insert locks the deal row, which comes before the audit chain's lock.
    const agreement = input.move === 'accept' ? await createAgreement({ actor, origin, tx, access, offerId }) : null;
    await appendAuditEvent(tx, {
      action: `offer.${input.move === 'accept' ? 'accepted' : input.move === 'reject' ? 'rejected' : 'withdrawn'}`,
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'offer', id: offerId },
      summary: { before: { status: locked.status }, after: { status: offer.status, reason: offer.answerReason } },
    });
    return { ...offerDto(offer, now), ...(agreement ? { agreementId: agreement.id } : {}) };
  });
}
