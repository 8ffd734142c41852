import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { versionInDeal } from './scenario-access';
import { insertVersion } from './save-scenario-version';
import { text } from '@/lib/domain/local-text';
import { forkedFromMessage } from '@/lib/domain/version-message';

/**
 * Any visible version becomes v1 of a new scenario of the actor's side: a counter-proposal when the
 * version is the other side's, a duplicate when it is the actor's own side's.
 */
export async function forkScenarioVersion({ actor, origin, dealId, versionId, name }: { actor: Actor; origin: RequestOrigin; dealId: string; versionId: string; name: string }) {
  if (!name.trim()) throw new ValidationError(text('nameNewScenario'), 'name');
  return inDealTransaction({ actor, dealId, right: 'edit', origin }, async (tx, { membership }) => {
    const origin_ = await versionInDeal(dealId, versionId, tx);
    const scenario = await tx.scenario.create({ data: { dealId, side: membership.side, name: name.trim(), createdById: actor.id, forkedFromVersionId: origin_.id } });
    const version = await insertVersion(tx, {
      dealId,
      scenarioId: scenario.id,
      number: 1,
      actor,
      message: forkedFromMessage(origin_.scenario.name, origin_.number),
      document: origin_.document,
      calculatorInputs: origin_.calculatorInputs ?? undefined,
      evidence: origin_.evidence.map(({ target, fileName, sha256, note }) => ({ target, fileName, sha256, note })),
    });
    await appendAuditEvent(tx, {
      action: origin_.scenario.side === membership.side ? 'scenario.duplicated' : 'scenario.forked',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'scenario', id: scenario.id },
      summary: { after: { scenarioId: scenario.id, name: scenario.name, forkedFromVersionId: origin_.id } },
    });
    return { scenarioId: scenario.id, versionId: version.id, number: 1 };
  });
}
