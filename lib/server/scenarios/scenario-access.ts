import 'server-only';
import { NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import type { Tx } from '@/lib/server/audit/append-audit-event';
import { db } from '@/lib/server/db';

/** A version of the given deal, or not found: a version id of another deal reveals nothing. */
export async function versionInDeal(dealId: string, versionId: string, tx?: Tx) {
  const version = isId(versionId)
    ? await (tx ?? db()).scenarioVersion.findFirst({ where: { id: versionId, scenario: { dealId } }, include: { scenario: true, evidence: true } })
    : null;
  if (!version) throw new NotFoundError('scenario version');
  return version;
}

export async function scenarioInDeal(dealId: string, scenarioId: string, tx?: Tx) {
  const scenario = isId(scenarioId) ? await (tx ?? db()).scenario.findFirst({ where: { id: scenarioId, dealId } }) : null;
  if (!scenario) throw new NotFoundError('scenario');
  return scenario;
}
