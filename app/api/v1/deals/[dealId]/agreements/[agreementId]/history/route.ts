import { getAgreementHistory } from '@/lib/server/fund/get-agreement-history';
import { apiRoute } from '@/lib/server/http/api-route';

export const GET = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin }, { dealId, agreementId }) => getAgreementHistory({ actor, origin, dealId, agreementId }));
