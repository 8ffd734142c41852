import 'server-only';
import type { Actor, DealStatus } from '@/lib/domain/actor';
import { mayMoveDeal } from '@/lib/domain/deal-rights';
import { ConflictError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { dealDto } from './deal-dto';
import { text } from '@/lib/domain/local-text';

export async function changeDealStatus({ actor, origin, dealId, status }: { actor: Actor; origin: RequestOrigin; dealId: string; status: DealStatus }) {
  return inDealTransaction({ actor, dealId, right: 'manage', origin }, async (tx, { membership }) => {
    // Re-read under a row lock: two status changes racing cannot both pass the transition check.
    const [current] = await tx.$queryRaw<{ status: DealStatus }[]>`SELECT status FROM "Deal" WHERE id = ${dealId}::uuid FOR UPDATE`;
    const from = current!.status;
    if (!mayMoveDeal(from, status)) throw new ConflictError(text('problemLine', { field: 'status', message: text('dealCannotBecome', { from, to: status }) }));
    const deal = await tx.deal.update({ where: { id: dealId }, data: { status } });
    await appendAuditEvent(tx, {
      action: 'deal.status_changed',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'deal', id: dealId },
      summary: { before: { status: from }, after: { status } },
    });
    return dealDto(deal);
  });
}
