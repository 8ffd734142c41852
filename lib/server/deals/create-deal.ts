import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { mayCreateDeals } from '@/lib/domain/deal-rights';
import type { CreateDealInput } from '@/lib/domain/deal-schemas';
import { ConflictError, ForbiddenError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { dealDto } from './deal-dto';
import { text } from '@/lib/domain/local-text';

/** A fund administrator or platform administrator opens a deal and becomes its first member. */
export async function createDeal({ actor, origin, input }: { actor: Actor; origin: RequestOrigin; input: CreateDealInput }) {
  if (!mayCreateDeals(actor)) throw new ForbiddenError('createDeals', text('right.createDeals'));
  return db().$transaction(async (tx) => {
    if (await tx.deal.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
      throw new ConflictError(text('problemLine', { field: 'slug', message: text('dealSlugExists', { slug: input.slug }) }));
    }
    const side = actor.organisation.kind === 'WATER_FUND' ? 'FUND' : 'OBSERVER';
    const deal = await tx.deal.create({
      data: { ...input, createdById: actor.id, members: { create: { userId: actor.id, side, canEdit: true, canSign: false } } },
    });
    await appendAuditEvent(tx, {
      action: 'deal.created',
      origin,
      actor,
      side,
      dealId: deal.id,
      object: { type: 'deal', id: deal.id },
      summary: { after: { ...dealDto(deal), createdAt: undefined, updatedAt: undefined } },
    });
    return dealDto(deal);
  });
}
