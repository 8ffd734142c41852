import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError } from '@/lib/domain/errors';
import type { EnterMonitoringValueInput } from '@/lib/domain/fund-schemas';
import { assessCell, type MonitoringSide } from '@/lib/domain/monitoring';
import type { Prisma } from '@/lib/generated/prisma/client';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { confirmedYears, loadAdministration, ruleOf, toEntry } from './administration';
import { checkLabResult } from './lab-result';
import { inFundTransaction, mayEnterMonitoring } from './fund-access';
import { cellDto } from './fund-dto';
import { text } from '@/lib/domain/local-text';

/**
 * One monitoring result, entered by a member for their own side: one value with its sampling
 * period, or the year's dated samples (docs/decisions/0097). It is checked by exactly the rules of
 * an imported table (a declared indicator, a year of the agreement, a lab result in the terms'
 * plausible range or below the detection limit, a laboratory, sampling dates within the year). A
 * side's newer result supersedes its older one; a year whose settlement is confirmed takes no
 * more results.
 */
export async function enterMonitoringValue({
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
  input: EnterMonitoringValueInput;
}) {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayEnterMonitoring }, async (tx, { access, agreement }) => {
    const admin = await loadAdministration(tx, agreement);
    const row = checkLabResult(admin, input);
    if (confirmedYears(admin).has(row.year)) throw new ConflictError(text('yearSettledFinal', { year: row.year }));
    const side = access.membership.side as MonitoringSide;
    const previous = admin.entries.filter((e) => e.year === row.year && e.indicator === row.indicator && e.side === side).at(-1);
    const created = await tx.monitoringValue.create({
      data: {
        agreementId: agreement.id,
        year: row.year,
        indicator: row.indicator,
        value: row.value,
        ...(row.samples ? { samples: row.samples as unknown as Prisma.InputJsonValue } : {}),
        side,
        laboratory: row.laboratory,
        sampledFrom: new Date(`${row.sampledFrom}T00:00:00Z`),
        sampledTo: new Date(`${row.sampledTo}T00:00:00Z`),
        source: 'MANUAL',
        enteredById: actor.id,
        enteredByName: actor.name,
      },
    });
    const entries = [...admin.entries.filter((e) => e.year === row.year && e.indicator === row.indicator), toEntry(created)];
    const cell = assessCell(row.year, row.indicator, entries, admin.rulings, ruleOf(admin, row.year, row.indicator));
    await appendAuditEvent(tx, {
      action: 'monitoring.entered',
      origin,
      actor,
      side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: {
        before: previous ? { value: previous.value, laboratory: previous.row.laboratory } : null,
        after: {
          valueId: created.id,
          year: row.year,
          indicator: row.indicator,
          value: row.value,
          ...(row.samples ? { samples: row.samples.map(({ on, value }) => ({ on, value })) } : {}),
          laboratory: row.laboratory,
          sampled: `${row.sampledFrom}..${row.sampledTo}`,
          cell: cell.state,
        },
      },
    });
    return { id: created.id, cell: cellDto(cell) };
  });
}
