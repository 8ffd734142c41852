import { apiRoute } from '@/lib/server/http/api-route';
import { getVersionSensitivity, ZSensitivityQuery } from '@/lib/server/negotiation/get-version-sensitivity';

// GET …/versions/{versionId}/sensitivity?percent=10 (0 … 100; default 10)&offer=…&rows=…&cols=…
export const GET = apiRoute<{ dealId: string; versionId: string }>(async (_request, { actor, origin, query }, { dealId, versionId }) =>
  getVersionSensitivity({ actor, origin, dealId, versionId, ...query(ZSensitivityQuery) }),
);
