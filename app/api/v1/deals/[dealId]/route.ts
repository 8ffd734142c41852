import { ZChangeDealStatus } from '@/lib/domain/deal-schemas';
import { changeDealStatus } from '@/lib/server/deals/change-deal-status';
import { getDealOverview } from '@/lib/server/deals/get-deal-overview';
import { apiRoute } from '@/lib/server/http/api-route';

type Params = { dealId: string };

export const GET = apiRoute<Params>(async (_request, { actor, origin }, { dealId }) => getDealOverview({ actor, origin, dealId }));

// PATCH { status }: draft → negotiating → agreed → archived, one step at a time.
export const PATCH = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId }) => changeDealStatus({ actor, origin, dealId, status: (await body(ZChangeDealStatus)).status }));
