import { getRetestEvidence } from '@/lib/server/fund/get-retest-evidence';
import { apiRoute } from '@/lib/server/http/api-route';

export const GET = apiRoute<{ dealId: string; agreementId: string; sha256: string }>(async (_request, { actor, origin }, { dealId, agreementId, sha256 }) => {
  const file = await getRetestEvidence({ actor, origin, dealId, agreementId, sha256 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
});
