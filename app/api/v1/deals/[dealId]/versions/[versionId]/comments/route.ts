import { NextResponse } from 'next/server';
import { ZComment } from '@/lib/domain/scenario-schemas';
import { apiRoute } from '@/lib/server/http/api-route';
import { addComment } from '@/lib/server/scenarios/add-comment';

export const POST = apiRoute<{ dealId: string; versionId: string }>(async (_request, { actor, origin, body }, { dealId, versionId }) => {
  const input = await body(ZComment);
  return NextResponse.json(await addComment({ actor, origin, dealId, versionId, input }), { status: 201 });
});
