import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundError, ValidationError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import { LRUCache } from 'lru-cache';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { offerTimeline } from '@/lib/server/offers/list-offers';
import type { BargainingZone, OfferDistances, ZoneChoice, ZoneVersion } from '@/lib/contracts/negotiation';
import { offerDistances, zoneOfferDto, zoneVersionDto } from './zone-dto';
import { text } from '@/lib/domain/local-text';

/** At most this many versions side by side: beyond it the chart stops being readable. */
export const MAX_ZONE_VERSIONS = 6;
/** Without a choice: the latest version of each scenario, the most recently saved first, this many. */
export const DEFAULT_ZONE_VERSIONS = 4;

/** `?versions=id,id,…` (comma-separated ids; none = the default selection). */
export const ZZoneQuery = z.strictObject({
  versions: z
    .string()
    .optional()
    .transform((text) => [...new Set((text ?? '').split(',').map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string().refine(isId, 'must be a version id (UUID)')).max(MAX_ZONE_VERSIONS, `pick at most ${MAX_ZONE_VERSIONS} versions`)),
});

// A version's zone DTO depends only on the version's document and result, which no one can change
// once saved (a trigger refuses it), so it is computed once per server process and kept: parsing
// and compiling a 48-year document is most of what this view costs. About 10 kB each.
const zoneVersionCache = new LRUCache<string, ZoneVersion>({ max: 2_000 });
// Likewise an offer's distances from its version's bounds: its schedule and version are fixed
// once it is sent (a trigger), only its status changes, and that is read fresh. About 5 kB each.
const offerDistanceCache = new LRUCache<string, OfferDistances | 'unparsable'>({ max: 5_000 });

/** The zone DTOs of these versions of the deal, by id (the caller has checked they are the deal's). */
async function zoneVersions(dealId: string, ids: string[]): Promise<Map<string, ZoneVersion>> {
  const found = new Map<string, ZoneVersion>();
  const missing: string[] = [];
  for (const id of ids) {
    const cached = zoneVersionCache.get(id);
    if (cached) found.set(id, cached);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await db().scenarioVersion.findMany({ where: { id: { in: missing }, scenario: { dealId } }, include: { scenario: true } });
    for (const row of rows) {
      const dto = zoneVersionDto(row);
      zoneVersionCache.set(row.id, dto);
      found.set(row.id, dto);
    }
  }
  return found;
}

/**
 * The bargaining zone of chosen versions of a deal (either side's): per year and period the lower
 * and upper bound of each, the payment and the Nash suggestion, the inputs the fairness shares
 * need, and every offer with its distance from both bounds. A version id of another deal is 404.
 */
export async function getBargainingZone({ actor, origin, dealId, versionIds = [] }: { actor: Actor; origin: RequestOrigin; dealId: string; versionIds?: string[] }): Promise<BargainingZone> {
  const { deal } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const wanted = [...new Set(versionIds)];
  if (wanted.length > MAX_ZONE_VERSIONS) throw new ValidationError(text('pickAtMostVersions', { max: MAX_ZONE_VERSIONS }), 'versions');

  const scenarios = await db().scenario.findMany({
    where: { dealId },
    orderBy: [{ side: 'asc' }, { createdAt: 'asc' }],
    include: { versions: { orderBy: { number: 'desc' }, select: { id: true, number: true, message: true, createdAt: true } } },
  });
  const choices: ZoneChoice[] = scenarios.flatMap((s) =>
    s.versions.map((v, i) => ({ id: v.id, scenarioId: s.id, scenario: s.name, side: s.side, number: v.number, message: v.message, createdAt: v.createdAt.toISOString(), latest: i === 0 })),
  );
  const selected = wanted.length
    ? wanted
    : choices
        .filter((c) => c.latest)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, DEFAULT_ZONE_VERSIONS)
        .map((c) => c.id);

  // Only versions of this deal can be shown: an id of another deal is the same 404 as one that does not exist.
  const inDeal = new Set(choices.map((c) => c.id));
  for (const id of selected) if (!inDeal.has(id)) throw new NotFoundError('scenarioVersion');

  const offers = await offerTimeline(dealId);
  const needed = [...new Set([...selected, ...offers.map((o) => o.versionId)])].filter((id) => inDeal.has(id));
  const shown = await zoneVersions(dealId, needed);
  const versions = selected.map((id) => shown.get(id)!);
  const zoneOffers = offers.flatMap((offer) => {
    const version = shown.get(offer.versionId);
    if (!version) return [];
    let distances = offerDistanceCache.get(offer.id);
    if (!distances) {
      distances = offerDistances(offer.schedule, version) ?? 'unparsable';
      offerDistanceCache.set(offer.id, distances);
    }
    const dto = distances === 'unparsable' ? null : zoneOfferDto(offer, version, distances);
    return dto ? [dto] : [];
  });

  return {
    deal: { id: deal.id, name: deal.name, nameZh: deal.nameZh, currency: deal.currency, unit: deal.unit, priceBase: deal.priceBase },
    choices,
    versions,
    offers: zoneOffers,
  };
}
