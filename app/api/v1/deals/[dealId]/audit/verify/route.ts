import { verifyDealAuditChain } from '@/lib/server/audit/verify-deal-audit-chain';
import { apiRoute } from '@/lib/server/http/api-route';

export const GET = apiRoute<{ dealId: string }>(async (_request, { actor, origin }, { dealId }) => verifyDealAuditChain({ actor, origin, dealId }));
