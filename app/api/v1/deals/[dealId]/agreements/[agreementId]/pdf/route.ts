import { renderAgreementPdf } from '@/lib/server/agreements/render-agreement-pdf';
import { apiRoute } from '@/lib/server/http/api-route';

// Rendered from the stored agreement on each request, so it always shows the hash check as of now.
export const GET = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin }, { dealId, agreementId }) => {
  const pdf = await renderAgreementPdf({ actor, origin, dealId, agreementId });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.bytes.length),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(pdf.fileName)}`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
      ...(pdf.hash ? { 'X-Agreement-Hash': pdf.hash, 'X-Agreement-Hash-Verified': String(pdf.hashVerified) } : {}),
    },
  });
});
