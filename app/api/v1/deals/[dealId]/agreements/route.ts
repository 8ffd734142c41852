import { listAgreements } from '@/lib/server/agreements/list-agreements';
import { apiRoute } from '@/lib/server/http/api-route';

export const GET = apiRoute<{ dealId: string }>(async (_request, { actor, origin }, { dealId }) => ({ agreements: await listAgreements({ actor, origin, dealId }) }));
