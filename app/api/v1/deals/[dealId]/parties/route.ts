import { ZSetDealParties } from '@/lib/domain/deal-parties';
import { getDealParties } from '@/lib/server/deals/get-deal-parties';
import { setDealParties } from '@/lib/server/deals/set-deal-parties';
import { apiRoute } from '@/lib/server/http/api-route';

type Params = { dealId: string };

// GET: the deal's parties on each side and its funders, with their shares (docs/decisions/0098).
export const GET = apiRoute<Params>(async (_request, { actor, origin }, { dealId }) => getDealParties({ actor, origin, dealId }));

// PUT { upstream, downstream, funders, quantityUnit }: every list as a whole (a deal manager).
export const PUT = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId }) => setDealParties({ actor, origin, dealId, input: await body(ZSetDealParties) }));
