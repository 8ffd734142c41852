import 'server-only';
import { diffScenarios, type ResultJson } from '@/lib/engine';
import type { ComparedVersion, VersionComparison } from '@/lib/contracts/scenarios';
import type { Actor } from '@/lib/domain/actor';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { parseOrRefuse } from './save-scenario-version';
import { versionInDeal } from './scenario-access';

/** Inputs and outputs of two versions of the same deal, side by side (engine diff). */
export async function compareScenarioVersions({
  actor,
  origin,
  dealId,
  fromVersionId,
  toVersionId,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  fromVersionId: string;
  toVersionId: string;
}): Promise<VersionComparison> {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  const [from, to] = await Promise.all([versionInDeal(dealId, fromVersionId), versionInDeal(dealId, toVersionId)]);
  const [a, b] = [parseOrRefuse(from.document), parseOrRefuse(to.document)];
  const diff = diffScenarios(a, b);
  // Period results come from the stored pes-result/1: what each version said when it was saved.
  const label = (v: typeof from, s: typeof a): ComparedVersion => ({
    id: v.id,
    scenario: v.scenario.name,
    side: v.scenario.side,
    number: v.number,
    message: v.message,
    createdAt: v.createdAt.toISOString(),
    unit: s.unit,
    currency: s.currency,
    priceBase: s.priceBase,
    periods: (v.result as unknown as ResultJson).periods,
    totals: (v.result as unknown as ResultJson).totals,
  });
  return { from: label(from, a), to: label(to, b), diff };
}
