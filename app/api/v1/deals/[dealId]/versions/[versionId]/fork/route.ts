import { NextResponse } from 'next/server';
import { ZFork } from '@/lib/domain/scenario-schemas';
import { apiRoute } from '@/lib/server/http/api-route';
import { forkScenarioVersion } from '@/lib/server/scenarios/fork-scenario-version';

export const POST = apiRoute<{ dealId: string; versionId: string }>(async (_request, { actor, origin, body }, { dealId, versionId }) => {
  const { name } = await body(ZFork);
  return NextResponse.json(await forkScenarioVersion({ actor, origin, dealId, versionId, name }), { status: 201 });
});
