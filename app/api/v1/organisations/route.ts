import { NextResponse } from 'next/server';
import { ZCreateOrganisation } from '@/lib/domain/deal-schemas';
import { createOrganisation } from '@/lib/server/admin/create-organisation';
import { apiRoute } from '@/lib/server/http/api-route';

export const POST = apiRoute(async (_request, { actor, origin, body }) => NextResponse.json(await createOrganisation({ actor, origin, input: await body(ZCreateOrganisation) }), { status: 201 }));
