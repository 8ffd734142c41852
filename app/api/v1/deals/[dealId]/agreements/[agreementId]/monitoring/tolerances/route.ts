import { ZSetTolerances } from '@/lib/domain/fund-schemas';
import { setIndicatorTolerances } from '@/lib/server/fund/set-indicator-tolerances';
import { apiRoute } from '@/lib/server/http/api-route';

// { tolerances: { codmn: { absolute: "0.05", relative: "0.1" } } }; empty parts clear them.
export const PUT = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, body }, { dealId, agreementId }) => {
  const input = await body(ZSetTolerances);
  return setIndicatorTolerances({ actor, origin, dealId, agreementId, input });
});
