import 'server-only';
import type { Side } from '@/lib/domain/actor';
import { NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import type { Tx } from '@/lib/server/transaction';
import { db } from '@/lib/server/db';

/** A version of the given deal, or not found: a version id of another deal reveals nothing. */
export async function versionInDeal(dealId: string, versionId: string, tx?: Tx) {
  const version = isId(versionId) ? await (tx ?? db()).scenarioVersion.findFirst({ where: { id: versionId, scenario: { dealId } }, include: { scenario: true, evidence: true } }) : null;
  if (!version) throw new NotFoundError('scenarioVersion');
  return version;
}

/** Only a version's stored pes-result/1 (not its document, which may be large), or 404 as versionInDeal. */
export async function versionResultInDeal(dealId: string, versionId: string, tx?: Tx) {
  const version = isId(versionId) ? await (tx ?? db()).scenarioVersion.findFirst({ where: { id: versionId, scenario: { dealId } }, select: { id: true, result: true } }) : null;
  if (!version) throw new NotFoundError('scenarioVersion');
  return version;
}

/** A scenario of the deal, row-locked until the transaction ends (saves of it take turns), or 404. */
export async function lockScenarioInDeal(tx: Tx, dealId: string, scenarioId: string): Promise<{ id: string; side: Side }> {
  const [scenario] = isId(scenarioId)
    ? await tx.$queryRaw<{ id: string; side: Side }[]>`SELECT id::text, side::text FROM "Scenario" WHERE id = ${scenarioId}::uuid AND "dealId" = ${dealId}::uuid FOR UPDATE`
    : [];
  if (!scenario) throw new NotFoundError('scenario');
  return scenario;
}
