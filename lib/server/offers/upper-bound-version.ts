import 'server-only';
import type { Tx } from '@/lib/server/transaction';
import { db } from '@/lib/server/db';
import { resolveVersionPair } from '@/lib/server/negotiation/resolve-version-pair';

/**
 * The version whose upper bound an offer is checked against, chosen as the zone between the sides
 * chooses its upper version (resolve-version-pair.ts, decision 0048): the one given — a downstream
 * version of the deal (another deal's is 404, an upstream one refused naming `upperVersionId`) or
 * the offer's own version — otherwise the latest version of downstream's latest scenario, or null
 * when downstream has saved none.
 */
export async function upperBoundVersion({
  dealId,
  upperVersionId,
  offerVersionId,
  tx,
}: {
  dealId: string;
  upperVersionId?: string;
  offerVersionId?: string;
  tx?: Tx;
}): Promise<{ id: string; document: unknown } | null> {
  const client = tx ?? db();
  const read = (id: string) => client.scenarioVersion.findUniqueOrThrow({ where: { id }, select: { id: true, document: true } });
  // The offer's own version (already found in the deal) may state the upper bound too: decision 0052 uses it when downstream has none.
  if (upperVersionId !== undefined && upperVersionId === offerVersionId) return read(upperVersionId);
  const scenarios = await client.scenario.findMany({ where: { dealId }, select: { id: true, side: true, createdAt: true, versions: { select: { id: true, number: true } } } });
  const { upperId } = resolveVersionPair({ scenarios, upper: upperVersionId, fields: { upper: 'upperVersionId' } });
  return upperId === null ? null : read(upperId);
}
