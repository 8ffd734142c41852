import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import type { TimelineOffer } from '@/lib/contracts/offers';
import type { Offer } from '@/lib/generated/prisma/client';
import { offerDto } from './offer-dto';

/** The deal's offer timeline, oldest first, with who made each and on which version. */
export async function listOffers({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }) {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  return offerTimeline(dealId);
}

type TimelineRow = Offer & { createdByName: string | null; answeredByName: string | null; versionNumber: number | null; scenarioName: string | null };

/**
 * listOffers for a use case that has already checked the actor's access to the deal: the offers
 * with who made and answered each and the label of its version, in one statement (one round trip
 * where there were two rounds of three queries; docs/decisions/0111-request-time-after-the-floor.md).
 */
export async function offerTimeline(dealId: string): Promise<TimelineOffer[]> {
  const rows = await db().$queryRaw<TimelineRow[]>`
    SELECT o.*, made.name AS "createdByName", answered.name AS "answeredByName", v.number AS "versionNumber", s.name AS "scenarioName"
    FROM "Offer" o
    LEFT JOIN "User" made ON made.id = o."createdById"
    LEFT JOIN "User" answered ON answered.id = o."answeredById"
    LEFT JOIN "ScenarioVersion" v ON v.id = o."versionId"
    LEFT JOIN "Scenario" s ON s.id = v."scenarioId"
    WHERE o."dealId" = ${dealId}::uuid
    ORDER BY o.number`;
  return rows.map(({ createdByName, answeredByName, versionNumber, scenarioName, ...offer }) => ({
    ...offerDto(offer),
    createdBy: createdByName ?? '—',
    answeredBy: offer.answeredById ? (answeredByName ?? '—') : null,
    version: versionNumber !== null && scenarioName !== null ? `${scenarioName} v${versionNumber}` : '—',
    versionOf: versionNumber !== null && scenarioName !== null ? { scenario: scenarioName, number: versionNumber } : null,
  }));
}
