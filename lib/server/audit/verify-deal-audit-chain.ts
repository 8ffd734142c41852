import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { AuditVerification } from '@/lib/contracts/audit';
import { anchorLogPath, readAnchors } from '@/lib/infra/audit-anchors';
import { verifyAuditChains } from '@/lib/infra/audit-chain';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';

/**
 * Checks a deal's audit chain as `npm run audit:verify` does (keyed hashes, links, this server's
 * anchors), for any member of the deal: the chain holds events of every side, but what is checked
 * and answered is hashes and counts only, so a blind lab learns no value it may not see yet.
 */
export async function verifyDealAuditChain({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }): Promise<AuditVerification> {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  const { anchors } = readAnchors([anchorLogPath()]);
  const check = await verifyAuditChains(db(), { chain: dealId, anchors });
  const head = check.heads[0] ?? null;
  const broken = check.broken[0];
  return {
    ok: !broken,
    events: check.events,
    head: head ? { seq: head.seq, hash: head.hash } : null,
    anchors: check.anchors,
    checkedAt: new Date().toISOString(),
    ...(broken ? { brokenAt: { seq: broken.seq, code: broken.reason.code, params: broken.reason.params } } : {}),
  };
}
