import 'server-only';
import type { Actor, Side } from '@/lib/domain/actor';
import type { AddMemberInput } from '@/lib/domain/deal-schemas';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import { text } from '@/lib/domain/local-text';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import type { Tx } from '@/lib/server/transaction';
import { memberDto, memberSummary, memberWithUser } from './member-dto';

/**
 * A member joins a deal and the audit trail says so, inside the caller's transaction: adding one
 * member to a deal and opening a deal with its first members write the same rows. `field` names
 * the input that chose the user, for the refusals.
 */
export async function insertDealMember(
  tx: Tx,
  { actor, origin, dealId, actorSide, input, field = 'userId' }: { actor: Actor; origin: RequestOrigin; dealId: string; actorSide: Side; input: AddMemberInput; field?: string },
) {
  const user = await tx.user.findUnique({ where: { id: input.userId } });
  if (!user || user.disabled) throw new ValidationError(text('noActiveUser'), field);
  if (await tx.dealMember.findUnique({ where: { dealId_userId: { dealId, userId: input.userId } } })) {
    throw new ConflictError(text('problemLine', { field, message: text('alreadyMember') }));
  }
  const member = await tx.dealMember.create({ data: { dealId, ...input }, select: memberWithUser });
  await appendAuditEvent(tx, {
    action: 'member.added',
    origin,
    actor,
    side: actorSide,
    dealId,
    object: { type: 'member', id: member.id },
    summary: { after: { ...memberSummary(member), email: user.email } },
  });
  return memberDto(member);
}
