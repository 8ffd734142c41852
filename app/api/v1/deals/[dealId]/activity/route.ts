import { ZActivityFilter } from '@/lib/domain/deal-schemas';
import { listDealActivity } from '@/lib/server/deals/list-deal-activity';
import { apiRoute } from '@/lib/server/http/api-route';

// ?action=scenario.&from=2026-01-01&to=…&before={eventId}&limit=50
export const GET = apiRoute<{ dealId: string }>(async (_request, { actor, origin, query }, { dealId }) => listDealActivity({ actor, origin, dealId, filter: query(ZActivityFilter) }));
