import { ZMonitoringTemplate } from '@/lib/domain/fund-schemas';
import { exportMonitoringTemplate } from '@/lib/server/fund/export-monitoring-template';
import { apiRoute } from '@/lib/server/http/api-route';

// ?year=2024&format=xlsx|csv: the import layout with one row per declared indicator.
export const GET = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, query }, { dealId, agreementId }) => {
  const { year, format } = query(ZMonitoringTemplate);
  const file = await exportMonitoringTemplate({ actor, origin, dealId, agreementId, year, format });
  return new Response(new Uint8Array(file.bytes), {
    headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"`, 'Cache-Control': 'private, no-store' },
  });
});
