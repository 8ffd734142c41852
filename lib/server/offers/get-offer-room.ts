import 'server-only';
import type { OfferRoom } from '@/lib/contracts/offers';
import type { Actor } from '@/lib/domain/actor';
import { grants } from '@/lib/domain/deal-rights';
import { counterpart } from '@/lib/domain/offer-state';
import { statesLowerBound, type AnyResultJson } from '@/lib/engine';
import { parseOrRefuse } from '@/lib/server/scenarios/save-scenario-version';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { dealPartiesSection } from '@/lib/domain/deal-parties';
import { storedDealParty } from '@/lib/server/deals/deal-parties-dto';
import { negotiationParties, partiesSelect } from '@/lib/server/negotiation/negotiation-parties';
import { offerTimeline } from './list-offers';
import { modelVersion } from './model-version';
import { upperBoundVersion } from './upper-bound-version';

/**
 * The offers page: the timeline, what the actor may do, and for each visible version the model's
 * schedule and bounds an offer is checked against in the browser before it is sent (the server
 * checks again), with the upper version an offer is checked against by default. A version that
 * states no lower bound is flagged: the composer offers it only as the upper version.
 */
export async function getOfferRoom({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }): Promise<OfferRoom> {
  const { deal, membership } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const offers = await offerTimeline(dealId);
  // The versions and the deal's parties in one statement (a nested read of the deal).
  const { scenarios, parties } = await db().deal.findUniqueOrThrow({
    where: { id: dealId },
    select: {
      scenarios: { orderBy: { createdAt: 'asc' }, select: { name: true, side: true, versions: { orderBy: { number: 'desc' }, select: { id: true, number: true, result: true, document: true } } } },
      parties: partiesSelect,
    },
  });
  const versions = scenarios.flatMap(({ versions, ...scenario }) => versions.map((v) => ({ ...v, scenario })));
  const defaultUpper = await upperBoundVersion({ dealId });
  return {
    deal: { id: deal.id, name: deal.name, nameZh: deal.nameZh, priceBase: deal.priceBase, currency: deal.currency },
    mySide: membership.side,
    canOffer: grants(actor, membership, 'edit') && counterpart(membership.side) !== null,
    offers,
    versions: versions.map((v) => {
      const result = v.result as unknown as AnyResultJson;
      const scenario = parseOrRefuse(v.document);
      const model = modelVersion(v);
      return {
        ...model,
        id: v.id,
        lowerBoundStated: statesLowerBound(result),
        label: `${v.scenario.name} · v${v.number}`,
        side: v.scenario.side,
        unit: String(result.unit),
        currency: result.currency,
        bargainingWeight: scenario.bargainingWeight ?? '0.5',
        startYear: scenario.startYear,
        endYear: scenario.endYear,
        periods: result.periods.map(({ label, from, to, lowerBound, upperBound }) => ({ label, from, to, lowerBound, upperBound })),
      };
    }),
    defaultUpperVersionId: defaultUpper?.id ?? null,
    // One read of the parties for both: what the room shows by party, and what a draft starts from.
    termsDefaults: { parties: dealPartiesSection(parties.map(storedDealParty), deal.partyQuantityUnit) },
    parties: negotiationParties(parties),
  };
}
