import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { isId } from '@/lib/domain/ids';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { versionInDeal } from './scenario-access';

/** One version with its pes-scenario/1 document, pes-result/1, evidence and comments. */
export async function getScenarioVersion({ actor, origin, dealId, versionId }: { actor: Actor; origin: RequestOrigin; dealId: string; versionId: string }) {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  return scenarioVersionDetail(dealId, versionId);
}

/** getScenarioVersion for a use case that has already checked the actor's access to the deal. */
export async function scenarioVersionDetail(dealId: string, versionId: string) {
  // The comments are read beside the version, not after it: the deal is in their query too, so a
  // version of another deal yields none. Then the author's and commenters' names in one query:
  // two round trips after the access check instead of three (docs/decisions/0076).
  const [version, comments] = await Promise.all([
    versionInDeal(dealId, versionId),
    isId(versionId) ? db().comment.findMany({ where: { versionId, version: { scenario: { dealId } } }, orderBy: { createdAt: 'asc' } }) : [],
  ]);
  const names = new Map(
    (await db().user.findMany({ where: { id: { in: [...new Set([version.authorId, ...comments.map((c) => c.authorId)])] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return {
    id: version.id,
    scenario: { id: version.scenario.id, name: version.scenario.name, side: version.scenario.side, forkedFromVersionId: version.scenario.forkedFromVersionId },
    number: version.number,
    message: version.message,
    author: names.get(version.authorId) ?? '—',
    createdAt: version.createdAt.toISOString(),
    documentHash: version.documentHash,
    document: version.document,
    result: version.result,
    calculatorInputs: (version.calculatorInputs ?? {}) as Record<string, unknown>,
    evidence: version.evidence.map(({ target, fileName, sha256, note }) => ({ target, fileName, sha256, note })),
    comments: comments.map((c) => ({ id: c.id, target: c.target, body: c.body, author: names.get(c.authorId) ?? '—', side: c.side, createdAt: c.createdAt.toISOString() })),
  };
}
