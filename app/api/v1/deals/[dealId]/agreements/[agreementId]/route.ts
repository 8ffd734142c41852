import { getAgreement } from '@/lib/server/agreements/get-agreement';
import { apiRoute } from '@/lib/server/http/api-route';

// The hash is checked again on every read: hashVerified false means the stored rows changed.
export const GET = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin }, { dealId, agreementId }) => getAgreement({ actor, origin, dealId, agreementId }));
