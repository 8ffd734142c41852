import { renderSettlementPdf } from '@/lib/server/fund/render-settlement-pdf';
import { apiRoute } from '@/lib/server/http/api-route';

// Rendered on each request, so the statement prints the audit chain's head as of now.
export const GET = apiRoute<{ dealId: string; agreementId: string; settlementId: string }>(async (_request, { actor, origin }, { dealId, agreementId, settlementId }) => {
  const pdf = await renderSettlementPdf({ actor, origin, dealId, agreementId, settlementId });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.bytes.length),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(pdf.fileName)}`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
    },
  });
});
