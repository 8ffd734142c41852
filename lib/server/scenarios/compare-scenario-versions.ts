import 'server-only';
import { diffScenarios } from '@/lib/engine';
import type { Actor } from '@/lib/domain/actor';
import type { RequestOrigin } from '@/lib/server/audit/record-security-event';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { parseOrRefuse } from './save-scenario-version';
import { versionInDeal } from './scenario-access';

/** Inputs and outputs of two versions of the same deal, side by side (engine diff). */
export async function compareScenarioVersions({ actor, origin, dealId, fromVersionId, toVersionId }: { actor: Actor; origin: RequestOrigin; dealId: string; fromVersionId: string; toVersionId: string }) {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  const [from, to] = await Promise.all([versionInDeal(dealId, fromVersionId), versionInDeal(dealId, toVersionId)]);
  const diff = diffScenarios(parseOrRefuse(from.document), parseOrRefuse(to.document));
  const label = (v: typeof from) => ({ id: v.id, scenario: v.scenario.name, side: v.scenario.side, number: v.number, message: v.message, createdAt: v.createdAt.toISOString() });
  return { from: label(from), to: label(to), diff };
}
