import { getMonitoringImport } from '@/lib/server/fund/get-monitoring-import';
import { apiRoute } from '@/lib/server/http/api-route';

// The imported table as it was sent; a download that no browser renders or runs.
export const GET = apiRoute<{ dealId: string; agreementId: string; importId: string }>(async (_request, { actor, origin }, { dealId, agreementId, importId }) => {
  const file = await getMonitoringImport({ actor, origin, dealId, agreementId, importId });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      Digest: `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`,
    },
  });
});
