import { getMonitoringImport } from '@/lib/server/fund/get-monitoring-import';
import { apiRoute } from '@/lib/server/http/api-route';
import { downloadResponse } from '@/lib/server/http/download-response';

// The imported table as it was sent; a download that no browser renders or runs.
export const GET = apiRoute<{ dealId: string; agreementId: string; importId: string }>(async (_request, { actor, origin }, { dealId, agreementId, importId }) => {
  const file = await getMonitoringImport({ actor, origin, dealId, agreementId, importId });
  return downloadResponse(file.bytes, { contentType: file.contentType, fileName: file.fileName, headers: { Digest: `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}` } });
});
