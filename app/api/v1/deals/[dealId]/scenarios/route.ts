import { NextResponse } from 'next/server';
import { maxScenarioBodyBytes, ZNewScenario } from '@/lib/domain/scenario-schemas';
import { apiRoute } from '@/lib/server/http/api-route';
import { listScenarios } from '@/lib/server/scenarios/list-scenarios';
import { saveScenarioVersion } from '@/lib/server/scenarios/save-scenario-version';
import { startScenarioFromTemplate } from '@/lib/server/scenarios/start-scenario-from-template';

type Params = { dealId: string };

export const GET = apiRoute<Params>(async (_request, { actor, origin }, { dealId }) => ({ scenarios: await listScenarios({ actor, origin, dealId }) }));

// { document, message, name? } starts from a file's document; { template, name, message } from a template (decision 0041).
export const POST = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId }) => {
  const input = await body(ZNewScenario, { maxBytes: maxScenarioBodyBytes });
  const started = 'template' in input ? await startScenarioFromTemplate({ actor, origin, dealId, input }) : await saveScenarioVersion({ actor, origin, dealId, input });
  return NextResponse.json(started, { status: 201 });
});
