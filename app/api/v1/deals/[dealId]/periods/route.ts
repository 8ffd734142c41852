import { ZChangeDealPeriods } from '@/lib/domain/deal-schemas';
import { changeDealPeriods } from '@/lib/server/deals/change-deal-periods';
import { apiRoute } from '@/lib/server/http/api-route';

type Params = { dealId: string };

// PUT { periods }: the deal's periods, while no scenario of the deal has a version (decision 0083).
export const PUT = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId }) => changeDealPeriods({ actor, origin, dealId, input: await body(ZChangeDealPeriods) }));
