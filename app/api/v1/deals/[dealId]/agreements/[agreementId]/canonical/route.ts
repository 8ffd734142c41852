import { exportCanonicalAgreement } from '@/lib/server/agreements/export-canonical-agreement';
import { apiRoute } from '@/lib/server/http/api-route';
import { downloadResponse } from '@/lib/server/http/download-response';

// The bytes the agreement's hash is computed over, unchanged: no trailing newline, no pretty-printing.
export const GET = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin }, { dealId, agreementId }) => {
  const file = await exportCanonicalAgreement({ actor, origin, dealId, agreementId });
  return downloadResponse(new TextEncoder().encode(file.text), {
    contentType: 'application/json; charset=utf-8',
    fileName: file.fileName,
    headers: file.hash ? { 'X-Agreement-Hash': file.hash } : {},
  });
});
