import { ZExportFormat } from '@/lib/domain/fund-schemas';
import { exportAgreementLedger } from '@/lib/server/fund/export-ledger';
import { getLedger } from '@/lib/server/fund/get-ledger';
import { apiRoute } from '@/lib/server/http/api-route';

// ?format=json (default) | csv | xlsx
export const GET = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, query }, { dealId, agreementId }) => {
  const { format } = query(ZExportFormat);
  if (format === 'json') return getLedger({ actor, origin, dealId, agreementId });
  const file = await exportAgreementLedger({ actor, origin, dealId, agreementId, format });
  return new Response(new Uint8Array(file.bytes), {
    headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"`, 'Cache-Control': 'private, no-store' },
  });
});
