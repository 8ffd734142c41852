import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { grants } from '@/lib/domain/deal-rights';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { scenarioVersionDetail } from './get-scenario-version';
import { forkKind } from './list-scenarios';

/**
 * What the version page needs: the version itself, its scenario's latest version, every version
 * of the deal to compare with, and what the actor may do here (edit only their own side's scenarios).
 */
export async function getVersionWorkspace({ actor, origin, dealId, versionId }: { actor: Actor; origin: RequestOrigin; dealId: string; versionId: string }) {
  const { deal, membership } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  // Every version's number, newest first, for the latest, the fork's origin and the comparison
  // list: not their authors, which this page does not show (one query fewer, docs/decisions/0076).
  const [version, scenarios] = await Promise.all([
    scenarioVersionDetail(dealId, versionId),
    db().scenario.findMany({
      where: { dealId },
      orderBy: [{ side: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, name: true, side: true, versions: { orderBy: { number: 'desc' }, select: { id: true, number: true } } },
    }),
  ]);
  const history = scenarios.find((s) => s.id === version.scenario.id)?.versions ?? [];
  const mayEdit = grants(actor, membership, 'edit');
  const forkedFrom = version.scenario.forkedFromVersionId
    ? (scenarios.flatMap((s) => s.versions.map((v) => ({ ...v, scenario: s.name, side: s.side }))).find((v) => v.id === version.scenario.forkedFromVersionId) ?? null)
    : null;
  return {
    deal: { id: deal.id, name: deal.name, nameZh: deal.nameZh },
    version,
    latest: history[0] ?? null,
    forkedFrom: forkedFrom ? { ...forkedFrom, kind: forkKind(version.scenario.side, forkedFrom.side) } : null,
    comparable: scenarios.flatMap((s) => s.versions.map((v) => ({ id: v.id, scenario: s.name, number: v.number, side: s.side }))),
    mySide: membership.side,
    canEdit: mayEdit && membership.side === version.scenario.side,
    canFork: mayEdit,
  };
}

export type VersionWorkspace = Awaited<ReturnType<typeof getVersionWorkspace>>;
