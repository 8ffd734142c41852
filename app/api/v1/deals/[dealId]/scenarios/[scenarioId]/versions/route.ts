import { NextResponse } from 'next/server';
import { maxScenarioBodyBytes, ZSaveVersion } from '@/lib/domain/scenario-schemas';
import { apiRoute } from '@/lib/server/http/api-route';
import { saveScenarioVersion } from '@/lib/server/scenarios/save-scenario-version';

export const POST = apiRoute<{ dealId: string; scenarioId: string }>(async (_request, { actor, origin, body }, { dealId, scenarioId }) => {
  const input = await body(ZSaveVersion, { maxBytes: maxScenarioBodyBytes });
  return NextResponse.json(await saveScenarioVersion({ actor, origin, dealId, input: { ...input, scenarioId } }), { status: 201 });
});
