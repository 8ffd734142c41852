import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { getAgreement } from '@/lib/server/agreements/get-agreement';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';

/** However long a negotiation ran, the chain of counter-offers read back is bounded. */
const maxOffers = 200;

/**
 * How an agreement came to be and what happened to it since: the agreement with its hash checked
 * again (getAgreement, which also gives its audit trail, fund events included), and the offers
 * that led to it, from the first to the one accepted, each countering the one before.
 */
export async function getAgreementHistory({ actor, origin, dealId, agreementId }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string }) {
  const agreement = await getAgreement({ actor, origin, dealId, agreementId });
  const chain = [];
  let next: string | null = agreement.offerId;
  while (next && chain.length < maxOffers) {
    const offer: {
      id: string;
      number: number;
      fromSide: string;
      toSide: string;
      status: string;
      createdAt: Date;
      answeredAt: Date | null;
      answerReason: string | null;
      schedule: unknown;
      terms: unknown;
      answersOfferId: string | null;
      createdById: string;
      versionId: string;
    } | null = await db().offer.findFirst({ where: { id: next, dealId } });
    if (!offer) break;
    chain.push(offer);
    next = offer.answersOfferId;
  }
  const people = new Map((await db().user.findMany({ where: { id: { in: [...new Set(chain.map((o) => o.createdById))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    agreement,
    offers: chain.reverse().map((o) => ({
      id: o.id,
      number: o.number,
      fromSide: o.fromSide,
      toSide: o.toSide,
      status: o.status,
      createdAt: o.createdAt.toISOString(),
      answeredAt: o.answeredAt?.toISOString() ?? null,
      answerReason: o.answerReason,
      createdBy: people.get(o.createdById) ?? null,
      versionId: o.versionId,
      schedule: o.schedule as { from: number; to: number; amount?: string; pricePerM3?: string; volume?: string }[],
      termsName: o.terms && typeof o.terms === 'object' && 'name' in o.terms ? String((o.terms as { name: unknown }).name) : null,
      accepted: o.id === agreement.offerId,
    })),
  };
}

export type AgreementHistory = Awaited<ReturnType<typeof getAgreementHistory>>;
