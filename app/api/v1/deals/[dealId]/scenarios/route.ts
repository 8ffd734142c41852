import { NextResponse } from 'next/server';
import { maxScenarioBodyBytes, ZNewScenario } from '@/lib/domain/scenario-schemas';
import { apiRoute } from '@/lib/server/http/api-route';
import { listScenarios } from '@/lib/server/scenarios/list-scenarios';
import { saveScenarioVersion } from '@/lib/server/scenarios/save-scenario-version';

type Params = { dealId: string };

export const GET = apiRoute<Params>(async (_request, { actor, origin }, { dealId }) => ({ scenarios: await listScenarios({ actor, origin, dealId }) }));

export const POST = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId }) => {
  const input = await body(ZNewScenario, { maxBytes: maxScenarioBodyBytes });
  return NextResponse.json(await saveScenarioVersion({ actor, origin, dealId, input }), { status: 201 });
});
