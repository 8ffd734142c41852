import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundError } from '@/lib/domain/errors';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { readAdministered } from './fund-access';

/** The evidence of a re-test, if a resolution of this agreement cites it (any other hash is not found). */
export async function getRetestEvidence({ actor, origin, dealId, agreementId, sha256 }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string; sha256: string }) {
  const { agreement } = await readAdministered({ actor, origin, dealId, agreementId, client: db() });
  const cited = /^[0-9a-f]{64}$/.test(sha256) ? await db().disputeResolution.findFirst({ where: { agreementId: agreement.id, evidenceSha256: sha256 }, include: { evidence: true } }) : null;
  if (!cited?.evidence) throw new NotFoundError('evidenceFile');
  return { bytes: cited.evidence.bytes, contentType: cited.evidence.contentType, fileName: cited.evidenceFileName ?? `${sha256}` };
}
