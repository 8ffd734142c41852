import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import type { TimelineOffer } from '@/lib/contracts/offers';
import { offerDto } from './offer-dto';

/** The deal's offer timeline, oldest first, with who made each and on which version. */
export async function listOffers({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }) {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  return offerTimeline(dealId);
}

/** listOffers for a use case that has already checked the actor's access to the deal. */
export async function offerTimeline(dealId: string): Promise<TimelineOffer[]> {
  const offers = await db().offer.findMany({ where: { dealId }, orderBy: { number: 'asc' } });
  const [people, versions] = await Promise.all([
    db().user.findMany({ where: { id: { in: [...new Set(offers.flatMap((o) => [o.createdById, o.answeredById].filter((id): id is string => Boolean(id))))] } }, select: { id: true, name: true } }),
    db().scenarioVersion.findMany({ where: { id: { in: [...new Set(offers.map((o) => o.versionId))] } }, select: { id: true, number: true, scenario: { select: { name: true } } } }),
  ]);
  const names = new Map(people.map((u) => [u.id, u.name]));
  const labels = new Map(versions.map((v) => [v.id, `${v.scenario.name} v${v.number}`]));
  return offers.map((offer) => ({
    ...offerDto(offer),
    createdBy: names.get(offer.createdById) ?? '—',
    answeredBy: offer.answeredById ? (names.get(offer.answeredById) ?? '—') : null,
    version: labels.get(offer.versionId) ?? '—',
  }));
}
