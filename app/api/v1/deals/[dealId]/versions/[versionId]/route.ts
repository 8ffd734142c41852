import { ZVersionFormat } from '@/lib/domain/scenario-schemas';
import { apiRoute } from '@/lib/server/http/api-route';
import { exportScenarioVersion } from '@/lib/server/scenarios/export-scenario-version';

// ?format=scenario (pes-scenario/1, default) | result (pes-result/1) | csv | xlsx (the cost table)
export const GET = apiRoute<{ dealId: string; versionId: string }>(async (_request, { actor, origin, query }, { dealId, versionId }) => {
  const { format } = query(ZVersionFormat);
  const file = await exportScenarioVersion({ actor, origin, dealId, versionId, format });
  return new Response(file.body as BodyInit, {
    headers: { 'Content-Type': file.contentType, ...(file.fileName ? { 'Content-Disposition': `attachment; filename="${file.fileName}"` } : {}) },
  });
});
