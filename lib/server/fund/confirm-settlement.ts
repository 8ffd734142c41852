import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { loadAdministration, runYear } from './administration';
import { inFundTransaction, mayAdminister } from './fund-access';
import { namesOf, settlementDto } from './fund-dto';
import { problemMessages, text } from '@/lib/domain/local-text';

/**
 * Confirms a draft settlement: from then on the database refuses any change to it, to the
 * monitoring results of its year and to their resolutions. The run is repeated first: if the data,
 * the payments or the shares changed since the draft (or since the run the administrator looked
 * at), confirming is refused and the year must be run again.
 */
export async function confirmSettlement({
  actor,
  origin,
  dealId,
  agreementId,
  settlementId,
  fingerprint,
  now = new Date(),
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  settlementId: string;
  fingerprint: string;
  now?: Date;
}) {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async (tx, { access, agreement }) => {
    const admin = await loadAdministration(tx, agreement);
    const draft = isId(settlementId) ? admin.settlements.find((s) => s.id === settlementId) : undefined;
    if (!draft) throw new NotFoundError('settlement');
    if (draft.status === 'CONFIRMED') throw new ConflictError(text('settlementConfirmedAlready', { year: draft.year }));
    const again = runYear(admin, draft.year, now);
    if (fingerprint !== draft.fingerprint) {
      throw Object.assign(new ConflictError(text('notTheRunChecked', { year: draft.year })), { details: { fingerprint: draft.fingerprint } });
    }
    if (!again.outcome.ok || again.fingerprint !== draft.fingerprint) {
      const why = again.outcome.ok ? text('settlementInputsChanged') : problemMessages(again.outcome.problems);
      throw Object.assign(new ConflictError(text('settlementStale', { year: draft.year, why })), { details: { fingerprint: again.fingerprint } });
    }
    const confirmed = await tx.settlement.update({ where: { id: draft.id }, data: { status: 'CONFIRMED', confirmedById: actor.id, confirmedAt: now } });
    await appendAuditEvent(tx, {
      action: 'settlement.confirmed',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: {
        after: {
          settlementId: confirmed.id,
          year: confirmed.year,
          due: confirmed.due.toFixed(2),
          advances: confirmed.advances.toFixed(2),
          balance: confirmed.balance.toFixed(2),
          fingerprint: confirmed.fingerprint,
        },
      },
    });
    return settlementDto(confirmed, await namesOf(tx, [confirmed.runById, confirmed.confirmedById]), agreement);
  });
}
