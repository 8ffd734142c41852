import { ZMonitoringTemplate } from '@/lib/domain/fund-schemas';
import { exportMonitoringTemplate } from '@/lib/server/fund/export-monitoring-template';
import { apiRoute } from '@/lib/server/http/api-route';

// ?year=2024&format=xlsx|csv&layout=value|samples: the import layout with one row per declared
// indicator (value), or one row per sample at the terms' sampling frequency (samples).
export const GET = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, query }, { dealId, agreementId }) => {
  const { year, format, layout } = query(ZMonitoringTemplate);
  const file = await exportMonitoringTemplate({ actor, origin, dealId, agreementId, year, format, layout });
  return new Response(new Uint8Array(file.bytes), {
    headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"`, 'Cache-Control': 'private, no-store' },
  });
});
