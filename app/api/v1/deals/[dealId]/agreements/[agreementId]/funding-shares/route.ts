import { ZSetFundingShares } from '@/lib/domain/fund-schemas';
import { setFundingShares } from '@/lib/server/fund/set-funding-shares';
import { apiRoute } from '@/lib/server/http/api-route';

// { shares: { CENTRAL: "0.6", DOWNSTREAM: "0.2", UPSTREAM: "0.2" } }: fractions adding up to 1.
export const PUT = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, body }, { dealId, agreementId }) => {
  const input = await body(ZSetFundingShares);
  return setFundingShares({ actor, origin, dealId, agreementId, input });
});
