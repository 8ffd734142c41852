import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { grants } from '@/lib/domain/deal-rights';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { dealDto } from './deal-dto';

/** The actor's side and rights in one deal (not found for a non-member), and the deal's settings, without loading the deal's contents. */
export async function getMyMembership({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }) {
  const { deal, membership } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const { startYear, endYear, currency, unit, priceBase, periods } = dealDto(deal);
  return {
    side: membership.side,
    canEdit: grants(actor, membership, 'edit'),
    canSign: grants(actor, membership, 'sign'),
    canManage: grants(actor, membership, 'manage'),
    deal: { startYear, endYear, currency, unit, priceBase, periods },
  };
}
