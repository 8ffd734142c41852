import { apiRoute } from '@/lib/server/http/api-route';
import { getEvidenceFile } from '@/lib/server/scenarios/get-evidence-file';

// The exact bytes a version was saved with, as an attachment (never rendered inline on our origin).
export const GET = apiRoute<{ dealId: string; sha256: string }>(async (_request, { actor, origin }, { dealId, sha256 }) => {
  const file = await getEvidenceFile({ actor, origin, dealId, sha256 });
  return new Response(file.bytes as BodyInit, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, max-age=0, must-revalidate',
      ETag: `"${sha256}"`,
    },
  });
});
