import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { memberSummary } from './member-dto';
import { text } from '@/lib/domain/local-text';

/** Removal takes effect at once: the next request of the removed user no longer finds the deal. */
export async function removeDealMember({ actor, origin, dealId, memberId }: { actor: Actor; origin: RequestOrigin; dealId: string; memberId: string }) {
  return inDealTransaction({ actor, dealId, right: 'manage', origin }, async (tx, { membership }) => {
    const member = isId(memberId) ? await tx.dealMember.findFirst({ where: { id: memberId, dealId } }) : null;
    if (!member) throw new NotFoundError('member');
    if (member.id === membership.id) throw new ConflictError(text('problemLine', { field: 'memberId', message: text('cannotRemoveYourself') }));
    await tx.dealMember.delete({ where: { id: memberId } });
    await appendAuditEvent(tx, {
      action: 'member.removed',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'member', id: memberId },
      summary: { before: memberSummary(member) },
    });
    return { removed: memberId };
  });
}
