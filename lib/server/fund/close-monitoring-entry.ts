import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import type { CloseMonitoringEntryInput } from '@/lib/domain/fund-schemas';
import { text } from '@/lib/domain/local-text';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inFundTransaction, mayAdminister } from './fund-access';

/**
 * The fund closes a year's blind entry (decision 0067): from now on each party's lab sees the
 * other labs' results for the year, also where it has entered none. The fund does this once the
 * labs had their time, for example before resolving a cell a lab never reported. Closing does not
 * stop entries: a lab may still correct or add a result, which then reopens its cell as usual.
 */
export async function closeMonitoringEntry({
  actor,
  origin,
  dealId,
  agreementId,
  input,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  input: CloseMonitoringEntryInput;
}) {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async (tx, { access, agreement }) => {
    if (input.year < agreement.startYear || input.year > agreement.endYear) {
      throw new ValidationError(text('yearOutsideAgreement', { year: input.year, from: agreement.startYear, to: agreement.endYear }), 'year');
    }
    const earlier = await tx.monitoringEntryClosure.findUnique({ where: { agreementId_year: { agreementId: agreement.id, year: input.year } } });
    if (earlier) throw new ConflictError(text('entryAlreadyClosed', { year: input.year, by: earlier.closedByName }));
    const closure = await tx.monitoringEntryClosure.create({ data: { agreementId: agreement.id, year: input.year, closedById: actor.id, closedByName: actor.name } });
    await appendAuditEvent(tx, {
      action: 'monitoring.entry_closed',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: { after: { year: input.year } },
    });
    return { year: closure.year, closedBy: closure.closedByName, closedAt: closure.createdAt.toISOString() };
  });
}
