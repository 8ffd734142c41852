import { apiRoute } from '@/lib/server/http/api-route';
import { getBargainingZone, ZZoneQuery } from '@/lib/server/negotiation/get-bargaining-zone';

// GET …/bargaining-zone?versions={id},{id},… (at most 6; none = the latest version of each scenario, up to 4)
//                      &lower={upstream version id}&upper={downstream version id}&w=0.4 (the zone between the sides; none = the latest of each)
export const GET = apiRoute<{ dealId: string }>(async (_request, { actor, origin, locale, query }, { dealId }) => {
  const { versions, lower, upper, w } = query(ZZoneQuery);
  return getBargainingZone({ actor, origin, dealId, versionIds: versions, pair: { lower, upper, w }, locale });
});
