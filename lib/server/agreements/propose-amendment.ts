import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/domain/actor';
import { amendmentProblems, type ProposeAmendmentInput } from '@/lib/domain/amendments';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import { agreementTerms } from '@/lib/domain/fund-settlement';
import { text } from '@/lib/domain/local-text';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inFundTransaction } from '@/lib/server/fund/fund-access';
import { mayProposeAmendment } from './amendment-access';

/**
 * Proposes an amendment of a signed agreement's monitoring rules or funding shares, effective from
 * a year after the last confirmed one (docs/decisions/0089). It is appended as pending: nothing is
 * judged by it until every signatory has signed it with their password.
 */
export async function proposeAmendment({ actor, origin, dealId, agreementId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string; input: ProposeAmendmentInput }) {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayProposeAmendment }, async (tx, { access, agreement }) => {
    const read = agreementTerms(agreement.terms);
    if (!read.ok || !read.terms) throw new ConflictError(text('amendment.noTerms'));
    const [lastConfirmed, count] = await Promise.all([
      tx.settlement.findFirst({ where: { agreementId: agreement.id, status: 'CONFIRMED' }, orderBy: { year: 'desc' }, select: { year: true } }),
      tx.agreementAmendment.count({ where: { agreementId: agreement.id } }),
    ]);
    const problems = amendmentProblems({
      terms: read.terms,
      changes: input.changes as never,
      effectiveFrom: input.effectiveFrom,
      startYear: agreement.startYear,
      endYear: agreement.endYear,
      lastConfirmedYear: lastConfirmed?.year ?? null,
    });
    if (problems.length) throw ValidationError.listing(problems);
    const created = await tx.agreementAmendment.create({
      data: {
        agreementId: agreement.id,
        number: count + 1,
        changes: input.changes as Prisma.InputJsonValue,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason,
        proposedById: actor.id,
        proposedByName: actor.name,
        proposedBySide: access.membership.side,
      },
    });
    await appendAuditEvent(tx, {
      action: 'agreement.amendment_proposed',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: { after: { amendmentId: created.id, number: created.number, effectiveFrom: created.effectiveFrom, reason: created.reason, changes: input.changes as never } },
    });
    return { id: created.id, number: created.number };
  });
}
