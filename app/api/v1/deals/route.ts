import { NextResponse } from 'next/server';
import { ZCreateDeal } from '@/lib/domain/deal-schemas';
import { createDeal } from '@/lib/server/deals/create-deal';
import { listDeals } from '@/lib/server/deals/list-deals';
import { apiRoute } from '@/lib/server/http/api-route';

export const GET = apiRoute(async (_request, { actor }) => ({ deals: await listDeals({ actor }) }));

export const POST = apiRoute(async (_request, { actor, origin, body }) => NextResponse.json(await createDeal({ actor, origin, input: await body(ZCreateDeal) }), { status: 201 }));
