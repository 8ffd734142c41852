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
import { formatDecimal, parseDecimal } from '@/lib/engine';
import type { AppLocale } from '@/lib/domain/locale';
import { offerDistances, versionLabel, zonePairDto, zoneOfferDto, zoneVersionDto } from './zone-dto';
import { negotiationParties, partiesSelect } from './negotiation-parties';
import { resolveVersionPair } from './resolve-version-pair';
import { render, say, saying, text } from '@/lib/domain/local-text';

/** At most this many versions side by side: beyond it the chart stops being readable. */
export const MAX_ZONE_VERSIONS = 6;
/** Without a choice: the latest version of each scenario, the most recently saved first, this many. */
export const DEFAULT_ZONE_VERSIONS = 4;

/** A bargaining weight 0 … 1 as a decimal string ("0.4"), never through a binary float. */
export const ZWeight = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parseDecimal(value);
    if (!parsed.ok || parsed.value.lt(0) || parsed.value.gt(1)) {
      ctx.issues.push({ code: 'custom', message: saying(text('mustBeWeight')), input: value });
      return z.NEVER;
    }
    return formatDecimal(parsed.value);
  });

/**
 * `?versions=id,id,…` (comma-separated ids; none = the default selection) for the versions side
 * by side; `?lower=id&upper=id&w=0.4` for the zone between the sides (none = the latest of each).
 */
export const ZZoneQuery = z.strictObject({
  versions: z
    .string()
    .optional()
    .transform((text) => [
      ...new Set(
        (text ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().refine(isId, say('mustBeId'))).max(MAX_ZONE_VERSIONS, say('pickAtMostVersions', { max: MAX_ZONE_VERSIONS }))),
  lower: z.string().trim().refine(isId, say('mustBeId')).optional(),
  upper: z.string().trim().refine(isId, say('mustBeId')).optional(),
  w: ZWeight.optional(),
});

/** What the zone between the sides is asked for: two version ids and a weight, each optional. */
export interface PairQuery {
  lower?: string;
  upper?: string;
  w?: string;
}

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
 * need, and every offer with its distance from both bounds; and the zone between the sides, an
 * upstream version's lower bound against a downstream version's upper bound (resolve-version-pair.ts).
 * A version id of another deal is 404.
 */
export async function getBargainingZone({
  actor,
  origin,
  dealId,
  versionIds = [],
  pair: pairQuery = {},
  locale = 'en',
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  versionIds?: string[];
  pair?: PairQuery;
  locale?: AppLocale;
}): Promise<BargainingZone> {
  const { deal } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const wanted = [...new Set(versionIds)];
  if (wanted.length > MAX_ZONE_VERSIONS) throw new ValidationError(text('pickAtMostVersions', { max: MAX_ZONE_VERSIONS }), 'versions');

  // The scenarios and the deal's parties in one statement (a nested read of the deal).
  const { scenarios, parties } = await db().deal.findUniqueOrThrow({
    where: { id: dealId },
    select: {
      scenarios: {
        orderBy: [{ side: 'asc' }, { createdAt: 'asc' }],
        include: { versions: { orderBy: { number: 'desc' }, select: { id: true, number: true, message: true, createdAt: true } } },
      },
      parties: partiesSelect,
    },
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
  const weight = pairQuery.w === undefined ? undefined : ZWeight.safeParse(pairQuery.w);
  if (weight && !weight.success) throw new ValidationError(text('mustBeWeight'), 'w');
  const pairIds = resolveVersionPair({ scenarios, lower: pairQuery.lower, upper: pairQuery.upper });

  const offers = await offerTimeline(dealId);
  const pairVersionIds = [pairIds.lowerId, pairIds.upperId].filter((id): id is string => id !== null);
  const needed = [...new Set([...selected, ...pairVersionIds, ...offers.map((o) => o.versionId)])].filter((id) => inDeal.has(id));
  const shown = await zoneVersions(dealId, needed);
  // Side by side, each version is shown inside its own bounds: one that states no lower bound has no zone of its own.
  const picked = selected.map((id) => shown.get(id)!);
  const versions = picked.filter((v) => v.lowerBoundStated);
  const withoutLowerBound = picked.filter((v) => !v.lowerBoundStated).map((v) => ({ id: v.id, label: versionLabel(v) }));
  const zoneOffers = offers.flatMap((offer) => {
    const version = shown.get(offer.versionId);
    // An offer's distance is from its version's lower bound; a version that states none gives no distance.
    if (!version?.lowerBoundStated) return [];
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
    withoutLowerBound,
    offers: zoneOffers,
    pair: zonePairDto({
      lower: pairIds.lowerId ? shown.get(pairIds.lowerId)! : null,
      upper: pairIds.upperId ? shown.get(pairIds.upperId)! : null,
      missing: pairIds.missing.map((m) => ({ bound: m.bound, code: m.code, message: render(m.text, locale) })),
      unit: deal.unit,
      currency: deal.currency,
      weight: weight?.data,
      locale,
    }),
    parties: negotiationParties(parties),
  };
}
