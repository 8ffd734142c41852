import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { canonicalJson } from '@/lib/infra/audit-chain';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { canonicalAgreement, loadAgreementRows } from './agreement-content';
import { getAgreement } from './get-agreement';

/**
 * The agreement exactly as its hash covers it (docs/agreement-hash.md): the SHA-256 of these bytes
 * is the hash printed on its PDF, so anyone holding the file can check it without the platform.
 * Readable by whoever may read the agreement.
 */
export async function exportCanonicalAgreement({ actor, origin, dealId, agreementId }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string }) {
  const agreement = await getAgreement({ actor, origin, dealId, agreementId });
  const rows = await loadAgreementRows(db(), dealId, agreementId);
  return { text: canonicalJson(canonicalAgreement(rows)), fileName: `agreement-${agreement.deal.slug}-${agreement.number}.json`, hash: agreement.hash };
}
