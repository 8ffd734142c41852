import { renderSettlementPdf } from '@/lib/server/fund/render-settlement-pdf';
import { apiRoute } from '@/lib/server/http/api-route';
import { downloadResponse } from '@/lib/server/http/download-response';

// Rendered on each request, so the statement prints the audit chain's head as of now.
export const GET = apiRoute<{ dealId: string; agreementId: string; settlementId: string }>(async (_request, { actor, origin }, { dealId, agreementId, settlementId }) => {
  const pdf = await renderSettlementPdf({ actor, origin, dealId, agreementId, settlementId });
  return downloadResponse(pdf.bytes, { contentType: 'application/pdf', fileName: pdf.fileName });
});
