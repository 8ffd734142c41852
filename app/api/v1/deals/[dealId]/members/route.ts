import { NextResponse } from 'next/server';
import { ZAddMember } from '@/lib/domain/deal-schemas';
import { addDealMember } from '@/lib/server/deals/add-deal-member';
import { getDealOverview } from '@/lib/server/deals/get-deal-overview';
import { apiRoute } from '@/lib/server/http/api-route';

type Params = { dealId: string };

export const GET = apiRoute<Params>(async (_request, { actor, origin }, { dealId }) => ({ members: (await getDealOverview({ actor, origin, dealId })).members }));

export const POST = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId }) =>
  NextResponse.json(await addDealMember({ actor, origin, dealId, input: await body(ZAddMember) }), { status: 201 }),
);
