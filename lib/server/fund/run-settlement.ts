import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { loadAdministration, runYear } from './administration';
import { inFundTransaction, mayAdminister } from './fund-access';
import { namesOf, settlementDto } from './fund-dto';
import { problemMessages, text } from '@/lib/domain/local-text';
import { beijingDay } from '@/lib/domain/format';

/**
 * Runs the agreement's terms for a closed year on the undisputed monitoring data and keeps the
 * result as the year's draft settlement (running again replaces the draft): the amount due and
 * its direction, every formula with its values substituted, and each funder's advances netted.
 * A year that cannot be settled (missing or disputed data, not closed, outside the agreement) is
 * refused with every reason, and nothing is saved.
 */
export async function runSettlementYear({
  actor,
  origin,
  dealId,
  agreementId,
  year,
  now = new Date(),
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  year: number;
  now?: Date;
}) {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async (tx, { access, agreement }) => {
    const admin = await loadAdministration(tx, agreement);
    const existing = admin.settlements.find((s) => s.year === year);
    if (existing?.status === 'CONFIRMED') throw new ConflictError(text('yearSettledAlready', { year, date: existing.confirmedAt ? beijingDay(existing.confirmedAt) : '' }));
    const { outcome, inputs, fingerprint } = runYear(admin, year, now);
    if (!outcome.ok) {
      throw new ValidationError(text('cannotSettleYet', { year, count: outcome.problems.length, problems: problemMessages(outcome.problems) }), undefined, outcome.problems);
    }
    const { run } = outcome;
    const content = {
      payment: run.payment,
      unit: run.unit,
      due: run.netting.due,
      advances: run.netting.advances,
      balance: run.netting.balance,
      funders: run.netting.funders as unknown as Prisma.InputJsonValue,
      shares: admin.shares,
      inputs: inputs as unknown as Prisma.InputJsonValue,
      formulas: run.formulas,
      trace: run.trace as unknown as Prisma.InputJsonValue,
      // Each party's part when the terms name the parties (docs/decisions/0098).
      ...(run.parties ? { parties: run.parties as unknown as Prisma.InputJsonValue } : {}),
      fingerprint: fingerprint!,
      runById: actor.id,
      runAt: now,
    };
    const settlement = existing ? await tx.settlement.update({ where: { id: existing.id }, data: content }) : await tx.settlement.create({ data: { agreementId: agreement.id, year, ...content } });
    await appendAuditEvent(tx, {
      action: 'settlement.run',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: {
        before: existing ? { due: existing.due.toFixed(2), balance: existing.balance.toFixed(2), fingerprint: existing.fingerprint } : null,
        after: {
          settlementId: settlement.id,
          year,
          due: run.netting.due,
          direction: run.netting.direction,
          advances: run.netting.advances,
          balance: run.netting.balance,
          values: run.values,
          fingerprint: fingerprint!,
        },
      },
    });
    return settlementDto(settlement, await namesOf(tx, [settlement.runById]), agreement);
  });
}
