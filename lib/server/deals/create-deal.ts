import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { mayCreateDeals } from '@/lib/domain/deal-rights';
import type { CreateDealInput } from '@/lib/domain/deal-schemas';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/domain/errors';
import { formatRange } from '@/lib/engine/years';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { dealDto } from './deal-dto';
import { recordingPartyRightsRefusal, refuseUnlessMayGrant } from './guard-party-rights';
import { insertDealMember } from './insert-deal-member';
import { text } from '@/lib/domain/local-text';

/**
 * A fund administrator or platform administrator opens a deal: its settings, its periods and its
 * first members, the opener among them, in one transaction with an audit event for each, so a
 * refused member leaves no deal behind. Members are named by e-mail, as on the members page.
 */
export async function createDeal({ actor, origin, input }: { actor: Actor; origin: RequestOrigin; input: CreateDealInput }) {
  if (!mayCreateDeals(actor)) throw new ForbiddenError('createDeals', text('right.createDeals'));
  const { members, periods, ...settings } = input;
  return recordingPartyRightsRefusal({ actor, origin, dealId: null }, () =>
    db().$transaction(async (tx) => {
      for (const member of members) refuseUnlessMayGrant(actor, member);
      if (await tx.deal.findUnique({ where: { slug: settings.slug }, select: { id: true } })) {
        throw new ConflictError(text('problemLine', { field: 'slug', message: text('dealSlugExists', { slug: settings.slug }) }));
      }
      const side = actor.organisation.kind === 'WATER_FUND' ? 'FUND' : 'OBSERVER';
      const named = periods.map(({ label, from, to }) => ({ label: label || formatRange({ from, to }), from, to }));
      const deal = await tx.deal.create({
        data: { ...settings, periods: named, createdById: actor.id, members: { create: { userId: actor.id, side, canEdit: true, canSign: false } } },
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
      for (const [i, member] of members.entries()) {
        const field = `members[${i}].email`;
        const user = await tx.user.findUnique({ where: { email: member.email }, select: { id: true, disabled: true } });
        if (!user || user.disabled) throw new ValidationError(text('noActiveUserWithEmail'), field);
        await insertDealMember(tx, { actor, origin, dealId: deal.id, actorSide: side, field, input: { userId: user.id, side: member.side, canEdit: member.canEdit, canSign: member.canSign } });
      }
      return dealDto(deal);
    }),
  );
}
