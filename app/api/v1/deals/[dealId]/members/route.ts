import { NextResponse } from 'next/server';
import { ZInviteMember } from '@/lib/domain/deal-schemas';
import { addDealMember } from '@/lib/server/deals/add-deal-member';
import { findInvitee } from '@/lib/server/deals/find-invitee';
import { getDealOverview } from '@/lib/server/deals/get-deal-overview';
import { apiRoute } from '@/lib/server/http/api-route';

type Params = { dealId: string };

export const GET = apiRoute<Params>(async (_request, { actor, origin }, { dealId }) => ({ members: (await getDealOverview({ actor, origin, dealId })).members }));

export const POST = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId }) => {
  const input = await body(ZInviteMember);
  const userId = input.userId ?? (await findInvitee({ actor, origin, dealId, email: input.email! }));
  return NextResponse.json(await addDealMember({ actor, origin, dealId, input: { userId, side: input.side, canEdit: input.canEdit, canSign: input.canSign } }), { status: 201 });
});
