import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { commentThread } from './comment-thread';
import { versionInDeal } from './scenario-access';

/** One version with its pes-scenario/1 document, pes-result/1, evidence and its scenario's comment thread. */
export async function getScenarioVersion({ actor, origin, dealId, versionId }: { actor: Actor; origin: RequestOrigin; dealId: string; versionId: string }) {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  return scenarioVersionDetail(dealId, versionId);
}

/** getScenarioVersion for a use case that has already checked the actor's access to the deal. */
export async function scenarioVersionDetail(dealId: string, versionId: string) {
  const version = await versionInDeal(dealId, versionId);
  const [author, comments] = await Promise.all([db().user.findUnique({ where: { id: version.authorId }, select: { name: true } }), commentThread(version.scenarioId, version)]);
  return {
    id: version.id,
    scenario: { id: version.scenario.id, name: version.scenario.name, side: version.scenario.side, forkedFromVersionId: version.scenario.forkedFromVersionId, template: version.scenario.template },
    number: version.number,
    message: version.message,
    author: author?.name ?? '—',
    createdAt: version.createdAt.toISOString(),
    documentHash: version.documentHash,
    document: version.document,
    result: version.result,
    calculatorInputs: (version.calculatorInputs ?? {}) as Record<string, unknown>,
    evidence: version.evidence.map(({ target, fileName, sha256, note }) => ({ target, fileName, sha256, note })),
    comments,
  };
}
