import 'server-only';
import { anchorChangedChainHeads, anchoredChainHead, type Anchor } from '@/lib/infra/audit-anchors';
import { auditKeyring } from '@/lib/infra/audit-key';
import { db } from '@/lib/server/db';

/**
 * A deal's audit chain head, anchored now: agreement PDFs print it (and a settlement statement
 * will), so that anyone holding the document can later check the trail up to that point against
 * `npm run audit:verify`.
 */
export function anchorDealChainHead(dealId: string): Promise<Anchor | null> {
  return anchoredChainHead(db(), dealId);
}

const defaultIntervalSeconds = 60;

/**
 * Every server process anchors the heads of the chains that moved, once a minute
 * (PES_AUDIT_ANCHOR_INTERVAL seconds): a tail cut from a chain after that is seen by
 * `npm run audit:verify`. Reads the audit key first, so that a production server without
 * PES_AUDIT_KEY stops at start, not at its first write.
 */
export function startAnchoring(): void {
  auditKeyring();
  const seconds = Number(process.env.PES_AUDIT_ANCHOR_INTERVAL) || defaultIntervalSeconds;
  const tick = () => anchorChangedChainHeads(db()).catch((error: unknown) => console.error('audit anchoring failed (retried next interval):', error instanceof Error ? error.message : error));
  setInterval(tick, seconds * 1000).unref();
  void tick();
}
