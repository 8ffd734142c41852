import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { ChangeMemberInput } from '@/lib/domain/deal-schemas';
import { NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { recordingPartyRightsRefusal, refuseUnlessMayGrant } from './guard-party-rights';
import { memberWithUser, memberDto, memberSummary } from './member-dto';

export async function changeDealMember(args: { actor: Actor; origin: RequestOrigin; dealId: string; memberId: string; input: ChangeMemberInput }) {
  const { actor, origin, dealId, memberId, input } = args;
  return recordingPartyRightsRefusal({ actor, origin, dealId }, () =>
    inDealTransaction({ actor, dealId, right: 'manage', origin }, async (tx, { membership }) => {
      // Scoped to the deal: a member id of another deal is simply not found.
      const before = isId(memberId) ? await tx.dealMember.findFirst({ where: { id: memberId, dealId } }) : null;
      if (!before) throw new NotFoundError('member');
      refuseUnlessMayGrant(actor, input, before);
      const member = await tx.dealMember.update({ where: { id: memberId }, data: input, select: memberWithUser });
      await appendAuditEvent(tx, {
        action: 'member.changed',
        origin,
        actor,
        side: membership.side,
        dealId,
        object: { type: 'member', id: memberId },
        summary: { before: memberSummary(before), after: memberSummary(member) },
      });
      return memberDto(member);
    }),
  );
}
