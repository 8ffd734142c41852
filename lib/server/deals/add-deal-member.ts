import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { AddMemberInput } from '@/lib/domain/deal-schemas';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { recordingPartyRightsRefusal, refuseUnlessMayGrant } from './guard-party-rights';
import { memberWithUser, memberDto, memberSummary } from './member-dto';
import { text } from '@/lib/domain/local-text';

export async function addDealMember({ actor, origin, dealId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; input: AddMemberInput }) {
  return recordingPartyRightsRefusal({ actor, origin, dealId }, () => inDealTransaction({ actor, dealId, right: 'manage', origin }, async (tx, { membership }) => {
    refuseUnlessMayGrant(actor, input);
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user || user.disabled) throw new ValidationError(text('noActiveUser'), 'userId');
    if (await tx.dealMember.findUnique({ where: { dealId_userId: { dealId, userId: input.userId } } })) {
      throw new ConflictError(text('problemLine', { field: 'userId', message: text('alreadyMember') }));
    }
    const member = await tx.dealMember.create({ data: { dealId, ...input }, select: memberWithUser });
    await appendAuditEvent(tx, {
      action: 'member.added',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'member', id: member.id },
      summary: { after: { ...memberSummary(member), email: user.email } },
    });
    return memberDto(member);
  }));
}
