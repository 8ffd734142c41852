import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import { beijingDay, formatDateTime } from '@/lib/domain/format';
import { exactDuplicate, paymentDateProblem, paymentDateWindow } from '@/lib/domain/payment-rules';
import type { RecordPaymentInput } from '@/lib/domain/fund-schemas';
import { checkPayment } from '@/lib/domain/ledger';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { ledgerOf, loadAdministration, partyLedgerOf, type Administration } from './administration';
import { namedPayersOf, type PartyName } from '@/lib/domain/party-split';
import type { Funder } from '@/lib/domain/ledger';
import { inFundTransaction, mayAdminister } from './fund-access';
import { paymentDto } from './fund-dto';
import { problem, text, type Problem } from '@/lib/domain/local-text';

/** The organisations' names, English and Chinese lists (each message reads its language's). */
const organisationNames = (payers: readonly PartyName[]) => ({
  organisations: payers.map((p) => p.name ?? p.nameZh ?? p.id ?? ''),
  organisationsZh: payers.map((p) => p.nameZh ?? p.name ?? p.id ?? ''),
});

/**
 * The organisation a payment names (docs/decisions/0110): when the signed terms name the parties
 * and the funder line has named payers, one of them is required; otherwise none may be named.
 */
function partyProblem(admin: Pick<Administration, 'terms'>, funder: Funder, party: string | undefined): Problem | null {
  const payers = namedPayersOf(funder, admin.terms?.parties);
  if (!payers.length) return party === undefined ? null : problem('party', text('paymentOrganisationNotNamed'));
  const names = organisationNames(payers);
  if (party === undefined) return problem('party', text('paymentNeedsOrganisation', names));
  if (!payers.some((p) => p.id === party)) return problem('party', text('paymentOrganisationNotOnLine', { party, ...names }));
  return null;
}

/**
 * Records money that moved for a year of an agreement: against the year's confirmed settlement,
 * or before it as an advance (which the settlement then nets). A payment larger than what is
 * still owed in its direction is refused unless it carries an overpayment note; the excess is
 * kept with it. The date must be one the money can have moved on, and an exact second entry of a
 * recorded transfer is refused unless confirmed. Payments are append-only: a mistake is undone by
 * a reversal (reverse-payment.ts).
 */
export async function recordPayment({
  actor,
  origin,
  dealId,
  agreementId,
  input,
  now = new Date(),
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  input: RecordPaymentInput;
  now?: Date;
}) {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async (tx, { access, agreement }) => {
    const admin = await loadAdministration(tx, agreement);
    const problems: Problem[] = [];
    if (input.year < agreement.startYear || input.year > agreement.endYear)
      problems.push(problem('year', text('yearOutsideAgreement', { year: input.year, from: agreement.startYear, to: agreement.endYear })));
    const dateProblem = paymentDateProblem(input.paidOn, paymentDateWindow({ year: input.year, agreementDrafted: beijingDay(agreement.createdAt), today: beijingDay(now) }));
    if (dateProblem) problems.push(dateProblem);
    const organisationProblem = partyProblem(admin, input.funder, input.party);
    if (organisationProblem) problems.push(organisationProblem);
    const settlement = admin.settlements.find((s) => s.year === input.year && s.status === 'CONFIRMED') ?? null;
    const lines = ledgerOf(admin);
    // Owed is judged on the organisation's part of the line when the payment names one.
    const line =
      input.party && !organisationProblem
        ? partyLedgerOf(admin, lines).find((l) => l.year === input.year && l.role === 'pays' && l.funder === input.funder && l.id === input.party)
        : lines.find((l) => l.year === input.year && l.funder === input.funder);
    const checked = checkPayment({
      line: { scheduled: line?.scheduled ?? '0', settled: settlement ? (line?.settled ?? '0') : null, paid: line?.paid ?? '0' },
      direction: input.direction,
      amount: input.amount,
      overpaymentNote: input.overpaymentNote,
    });
    if (!checked.ok) problems.push(...checked.problems);
    if (problems.length || !checked.ok) throw ValidationError.listing(problems, (lines) => text('paymentNotRecorded', { problems: lines }));
    const recorded = admin.payments.map((p) => ({ ...p, paidOn: p.paidOn.toISOString().slice(0, 10) }));
    const duplicate = exactDuplicate(
      { funder: input.funder, partyId: input.party ?? null, direction: input.direction, amount: checked.amount, paidOn: input.paidOn, reference: input.reference },
      recorded,
    );
    if (duplicate && input.confirmDuplicate !== true) {
      throw new ConflictError(text('duplicatePayment', { reference: duplicate.reference, recordedAt: formatDateTime(duplicate.createdAt, 'en', { numeric: true }) }));
    }
    const payment = await tx.payment.create({
      data: {
        agreementId: agreement.id,
        year: input.year,
        settlementId: settlement?.id ?? null,
        funder: input.funder,
        partyId: input.party ?? null,
        direction: input.direction,
        amount: checked.amount,
        paidOn: new Date(`${input.paidOn}T00:00:00Z`),
        reference: input.reference,
        overpaymentNote: checked.overpayment ? input.overpaymentNote!.trim() : null,
        overpayment: checked.overpayment,
        recordedById: actor.id,
        recordedByName: actor.name,
      },
    });
    await appendAuditEvent(tx, {
      action: 'payment.recorded',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: {
        before: line ? { scheduled: line.scheduled, settled: line.settled, paid: line.paid, outstanding: line.outstanding } : null,
        after: {
          paymentId: payment.id,
          year: input.year,
          funder: input.funder,
          ...(input.party ? { party: input.party } : {}),
          direction: input.direction,
          amount: checked.amount,
          paidOn: input.paidOn,
          reference: input.reference,
          kind: settlement ? 'SETTLEMENT' : 'ADVANCE',
          overpayment: checked.overpayment,
          overpaymentNote: payment.overpaymentNote,
          ...(duplicate ? { confirmedDuplicateOf: duplicate.id } : {}),
        },
      },
    });
    return paymentDto(payment, null, admin.terms?.parties);
  });
}
