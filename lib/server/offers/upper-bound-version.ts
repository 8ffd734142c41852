import 'server-only';
import type { Tx } from '@/lib/server/transaction';
import { db } from '@/lib/server/db';
import { versionInDeal } from '@/lib/server/scenarios/scenario-access';

/**
 * The version whose upper bound an offer is checked against: the one given (a version of the
 * deal, else 404), otherwise the downstream side's most recently saved version (the side that
 * states what it can pay), or null when downstream has saved none.
 */
export async function upperBoundVersion({ dealId, upperVersionId, tx }: { dealId: string; upperVersionId?: string; tx?: Tx }): Promise<{ id: string; document: unknown } | null> {
  if (upperVersionId) {
    const version = await versionInDeal(dealId, upperVersionId, tx);
    return { id: version.id, document: version.document };
  }
  return (tx ?? db()).scenarioVersion.findFirst({
    where: { scenario: { dealId, side: 'DOWNSTREAM' } },
    orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
    select: { id: true, document: true },
  });
}
