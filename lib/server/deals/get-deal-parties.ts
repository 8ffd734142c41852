import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { DealPartiesView } from '@/lib/contracts/deals';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { dealPartiesView, loadDealParties, memberOrganisations } from './deal-parties-dto';

/** The deal's parties on each side and its funders, with their shares (members only). */
export async function getDealParties({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }): Promise<DealPartiesView> {
  const { deal } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const [parties, members] = await Promise.all([loadDealParties(db(), dealId), memberOrganisations(db(), dealId)]);
  return dealPartiesView(parties, deal.partyQuantityUnit, members);
}
