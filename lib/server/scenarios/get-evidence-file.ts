import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundError } from '@/lib/domain/errors';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';

/**
 * The bytes of an evidence file, for a member of a deal whose versions cite it. Files are stored
 * once by hash across deals, so the deal scope is the link, not the file: a hash cited only in
 * another deal is not found here.
 */
export async function getEvidenceFile({ actor, origin, dealId, sha256 }: { actor: Actor; origin: RequestOrigin; dealId: string; sha256: string }) {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new NotFoundError('evidenceFile');
  const link = await db().versionEvidence.findFirst({
    where: { sha256, version: { scenario: { dealId } } },
    orderBy: { version: { createdAt: 'desc' } },
    select: { fileName: true, file: { select: { bytes: true, contentType: true, size: true } } },
  });
  if (!link) throw new NotFoundError('evidenceFile');
  return { fileName: link.fileName, contentType: link.file.contentType, size: link.file.size, bytes: new Uint8Array(link.file.bytes) };
}
