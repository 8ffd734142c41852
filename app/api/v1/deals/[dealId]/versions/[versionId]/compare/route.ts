import { ZCompare } from '@/lib/domain/scenario-schemas';
import { apiRoute } from '@/lib/server/http/api-route';
import { compareScenarioVersions } from '@/lib/server/scenarios/compare-scenario-versions';

// GET …/versions/{from}/compare?with={to}
export const GET = apiRoute<{ dealId: string; versionId: string }>(async (_request, { actor, origin, query }, { dealId, versionId }) =>
  compareScenarioVersions({ actor, origin, dealId, fromVersionId: versionId, toVersionId: query(ZCompare).with }),
);
