import 'server-only';
import type { Actor, Side } from '@/lib/domain/actor';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';

/**
 * A fork of the other side's version answers it (a counter-proposal); a fork of one's own side's
 * is a duplicate to work on, and is not labelled as an answer to anyone.
 */
export function forkKind(side: Side, originSide: Side | undefined): 'counterProposal' | 'duplicate' | null {
  if (originSide === undefined) return null;
  return originSide === side ? 'duplicate' : 'counterProposal';
}

/** Every scenario of the deal, both sides', with its versions newest first (without documents). */
export async function listScenarios({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }) {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  return scenarioHistories(dealId);
}

/** listScenarios for a use case that has already checked the actor's access to the deal. */
export async function scenarioHistories(dealId: string) {
  const scenarios = await db().scenario.findMany({
    where: { dealId },
    orderBy: [{ side: 'asc' }, { createdAt: 'asc' }],
    include: { versions: { orderBy: { number: 'desc' }, select: { id: true, number: true, message: true, authorId: true, createdAt: true, documentHash: true } } },
  });
  const authorIds = [...new Set(scenarios.flatMap((s) => s.versions.map((v) => v.authorId)))];
  const authors = new Map((await db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const sideOfVersion = new Map(scenarios.flatMap((s) => s.versions.map((v) => [v.id, s.side] as const)));
  return scenarios.map((scenario) => ({
    id: scenario.id,
    name: scenario.name,
    side: scenario.side,
    forkedFromVersionId: scenario.forkedFromVersionId,
    forkKind: forkKind(scenario.side, scenario.forkedFromVersionId ? sideOfVersion.get(scenario.forkedFromVersionId) : undefined),
    template: scenario.template,
    versions: scenario.versions.map((v) => ({
      id: v.id,
      number: v.number,
      message: v.message,
      author: authors.get(v.authorId) ?? '—',
      createdAt: v.createdAt.toISOString(),
      documentHash: v.documentHash,
    })),
  }));
}
