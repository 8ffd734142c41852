import { ZConfirmSettlement } from '@/lib/domain/fund-schemas';
import { confirmSettlement } from '@/lib/server/fund/confirm-settlement';
import { apiRoute } from '@/lib/server/http/api-route';

// { fingerprint } of the draft the administrator checked; the settlement is final afterwards.
export const POST = apiRoute<{ dealId: string; agreementId: string; settlementId: string }>(async (_request, { actor, origin, body }, { dealId, agreementId, settlementId }) => {
  const { fingerprint } = await body(ZConfirmSettlement);
  return confirmSettlement({ actor, origin, dealId, agreementId, settlementId, fingerprint });
});
