import { exportCanonicalAgreement } from '@/lib/server/agreements/export-canonical-agreement';
import { apiRoute } from '@/lib/server/http/api-route';

// The bytes the agreement's hash is computed over, unchanged: no trailing newline, no pretty-printing.
export const GET = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin }, { dealId, agreementId }) => {
  const file = await exportCanonicalAgreement({ actor, origin, dealId, agreementId });
  const bytes = new TextEncoder().encode(file.text);
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(bytes.length),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
      ...(file.hash ? { 'X-Agreement-Hash': file.hash } : {}),
    },
  });
});
