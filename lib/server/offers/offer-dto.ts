import 'server-only';
import type { OfferDto } from '@/lib/contracts/offers';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import { effectiveStatus } from '@/lib/domain/offer-state';
import type { Offer } from '@/lib/generated/prisma/client';
import { offerTermsView } from './offer-terms';

export function offerDto(offer: Offer, now = new Date()): OfferDto {
  return {
    id: offer.id,
    number: offer.number,
    fromSide: offer.fromSide,
    toSide: offer.toSide,
    createdById: offer.createdById,
    createdAt: offer.createdAt.toISOString(),
    versionId: offer.versionId,
    // Stored as sent, after the schema checked them.
    schedule: offer.schedule as unknown as ScheduleEntry[],
    terms: (offer.terms ?? null) as Record<string, unknown> | null,
    validUntil: offer.validUntil.toISOString(),
    boundCheck: offer.boundCheck as unknown as OfferDto['boundCheck'],
    upperVersionId: offer.upperVersionId,
    message: offer.message,
    termsView: offerTermsView(offer.terms, offer.termsMonitoring, offer.boundCheck as unknown as OfferDto['boundCheck']),
    answersOfferId: offer.answersOfferId,
    status: effectiveStatus(offer, now),
    answeredAt: offer.answeredAt?.toISOString() ?? null,
    answeredById: offer.answeredById,
    answerReason: offer.answerReason,
  };
}
