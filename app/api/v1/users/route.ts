import { NextResponse } from 'next/server';
import { ZCreateUser } from '@/lib/domain/deal-schemas';
import { createUser } from '@/lib/server/admin/create-user';
import { apiRoute } from '@/lib/server/http/api-route';

export const POST = apiRoute(async (_request, { actor, origin, body }) => NextResponse.json(await createUser({ actor, origin, input: await body(ZCreateUser) }), { status: 201 }));
