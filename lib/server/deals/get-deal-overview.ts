import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { grants, mayGrantPartyRights } from '@/lib/domain/deal-rights';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { dealDto } from './deal-dto';
import { activityDto } from './list-deal-activity';
import { memberWithUser, memberDto } from './member-dto';

export async function getDealOverview({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }) {
  const { deal, membership } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const [members, recent] = await Promise.all([
    db().dealMember.findMany({ where: { dealId }, select: memberWithUser, orderBy: [{ side: 'asc' }, { createdAt: 'asc' }] }),
    // Newest first by id, as the activity page: the (dealId, id) index answers it without a sort.
    db().auditEvent.findMany({ where: { dealId }, orderBy: { id: 'desc' }, take: 10 }),
  ]);
  const memberDtos = members.map(memberDto);
  return {
    deal: dealDto(deal),
    me: {
      memberId: membership.id,
      side: membership.side,
      canEdit: membership.canEdit,
      canSign: membership.canSign,
      canManage: grants(actor, membership, 'manage'),
      canGrantPartyRights: grants(actor, membership, 'manage') && mayGrantPartyRights(actor),
    },
    members: memberDtos,
    // Most events are the members' own: their names are in hand, and only others are read.
    recentActivity: await activityDto(
      recent,
      memberDtos.map(({ userId, name, organisation }) => ({ id: userId, name, organisation })),
    ),
  };
}
