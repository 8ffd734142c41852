import { ZChangeMember } from '@/lib/domain/deal-schemas';
import { changeDealMember } from '@/lib/server/deals/change-deal-member';
import { removeDealMember } from '@/lib/server/deals/remove-deal-member';
import { apiRoute } from '@/lib/server/http/api-route';

type Params = { dealId: string; memberId: string };

export const PATCH = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId, memberId }) => changeDealMember({ actor, origin, dealId, memberId, input: await body(ZChangeMember) }));

export const DELETE = apiRoute<Params>(async (_request, { actor, origin }, { dealId, memberId }) => removeDealMember({ actor, origin, dealId, memberId }));
