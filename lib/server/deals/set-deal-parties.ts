import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { DealPartiesView } from '@/lib/contracts/deals';
import type { DealPartyJson } from '@/lib/domain/audit-summary';
import { dealPartiesSection, dealPartyRows, partyLists, type SetDealPartiesInput, type StoredDealParty } from '@/lib/domain/deal-parties';
import { codedProblem } from '@/lib/domain/engine-message';
import { ValidationError } from '@/lib/domain/errors';
import { text } from '@/lib/domain/local-text';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { readPartiesSection } from '@/lib/terms';
import { dealPartiesView, loadDealParties, memberOrganisations } from './deal-parties-dto';

const sideOfList = { upstream: 'UPSTREAM', downstream: 'DOWNSTREAM', funders: null } as const;

const summaryOf = (parties: readonly StoredDealParty[]): DealPartyJson[] =>
  parties.map((p) => ({ organisationId: p.organisationId, name: p.name, nameZh: p.nameZh, side: p.side, funder: p.funder, share: p.share, quantity: p.quantity }));

/**
 * A deal manager names the deal's parties on each side and its funders, with their shares or
 * quantities (docs/decisions/0098), replacing the lists as a whole; empty lists mean one party per
 * side again. A party must be the organisation of a member of the deal on its side (a funder: of
 * any member), so that the agreement drafted on the deal can find its signatories. Agreements
 * already drafted keep the parties copied into their terms.
 */
export async function setDealParties({ actor, origin, dealId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; input: SetDealPartiesInput }): Promise<DealPartiesView> {
  return inDealTransaction({ actor, dealId, right: 'manage', origin }, async (tx, { deal, membership }) => {
    const members = await memberOrganisations(tx, dealId);
    const names = new Map(members.map((m) => [m.organisation.id, m.organisation]));
    for (const list of partyLists) {
      const side = sideOfList[list];
      input[list].parties.forEach((row, i) => {
        const field = `${list}.parties.${i}.organisationId`;
        const organisation = names.get(row.organisationId);
        if (!organisation) throw new ValidationError(text('partyNotAMember'), field);
        if (side && !members.some((m) => m.side === side && m.organisation.id === row.organisationId)) {
          throw new ValidationError(text('partyNotOnSide', { name: organisation.name, nameZh: organisation.nameZh, side: text(`side.${side}`) }), field);
        }
      });
    }
    const rows = dealPartyRows(input);
    const stored: StoredDealParty[] = rows.map((row) => ({ ...row, name: names.get(row.organisationId)!.name, nameZh: names.get(row.organisationId)!.nameZh }));
    const quantityUnit = input.quantityUnit && rows.some((row) => row.quantity !== null) ? input.quantityUnit : null;
    // The schema states the section's rules in the form's words; the terms engine has the last word.
    const section = dealPartiesSection(stored, quantityUnit);
    if (section) {
      const read = readPartiesSection({ parties: section });
      if (read.problems.length) throw ValidationError.listing(read.problems.map((p) => codedProblem(p)));
    }
    const before = await loadDealParties(tx, dealId);
    await tx.dealParty.deleteMany({ where: { dealId } });
    if (rows.length) await tx.dealParty.createMany({ data: rows.map((row) => ({ ...row, dealId, updatedById: actor.id })) });
    await tx.deal.update({ where: { id: dealId }, data: { partyQuantityUnit: quantityUnit } });
    await appendAuditEvent(tx, {
      action: 'deal.parties_set',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'deal', id: dealId },
      summary: { before: { parties: summaryOf(before), quantityUnit: deal.partyQuantityUnit }, after: { parties: summaryOf(stored), quantityUnit } },
    });
    return dealPartiesView(stored, quantityUnit, members);
  });
}
