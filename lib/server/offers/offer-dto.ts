import 'server-only';
import { effectiveStatus } from '@/lib/domain/offer-state';
import type { Offer } from '@/lib/generated/prisma/client';

export function offerDto(offer: Offer, now = new Date()) {
  return {
    id: offer.id,
    number: offer.number,
    fromSide: offer.fromSide,
    toSide: offer.toSide,
    createdById: offer.createdById,
    createdAt: offer.createdAt.toISOString(),
    versionId: offer.versionId,
    schedule: offer.schedule,
    terms: offer.terms,
    validUntil: offer.validUntil.toISOString(),
    boundCheck: offer.boundCheck,
    answersOfferId: offer.answersOfferId,
    status: effectiveStatus(offer, now),
    answeredAt: offer.answeredAt?.toISOString() ?? null,
    answeredById: offer.answeredById,
    answerReason: offer.answerReason,
  };
}
