import { renderAgreementPdf } from '@/lib/server/agreements/render-agreement-pdf';
import { apiRoute } from '@/lib/server/http/api-route';
import { downloadResponse } from '@/lib/server/http/download-response';

// Rendered from the stored agreement on each request, so it always shows the hash check as of now.
export const GET = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin }, { dealId, agreementId }) => {
  const pdf = await renderAgreementPdf({ actor, origin, dealId, agreementId });
  return downloadResponse(pdf.bytes, {
    contentType: 'application/pdf',
    fileName: pdf.fileName,
    headers: pdf.hash ? { 'X-Agreement-Hash': pdf.hash, 'X-Agreement-Hash-Verified': String(pdf.hashVerified) } : {},
  });
});
