import { apiRoute } from '@/lib/server/http/api-route';
import { getBargainingZone, ZZoneQuery } from '@/lib/server/negotiation/get-bargaining-zone';

// GET …/bargaining-zone?versions={id},{id},… (at most 6; none = the latest version of each scenario, up to 4)
export const GET = apiRoute<{ dealId: string }>(async (_request, { actor, origin, query }, { dealId }) =>
  getBargainingZone({ actor, origin, dealId, versionIds: query(ZZoneQuery).versions }),
);
