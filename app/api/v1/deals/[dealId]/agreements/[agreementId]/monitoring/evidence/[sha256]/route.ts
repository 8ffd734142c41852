import { getRetestEvidence } from '@/lib/server/fund/get-retest-evidence';
import { apiRoute } from '@/lib/server/http/api-route';
import { downloadResponse } from '@/lib/server/http/download-response';

export const GET = apiRoute<{ dealId: string; agreementId: string; sha256: string }>(async (_request, { actor, origin }, { dealId, agreementId, sha256 }) => {
  const file = await getRetestEvidence({ actor, origin, dealId, agreementId, sha256 });
  return downloadResponse(file.bytes, { contentType: file.contentType, fileName: file.fileName });
});
