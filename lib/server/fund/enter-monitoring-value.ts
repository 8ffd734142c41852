import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import type { EnterMonitoringValueInput } from '@/lib/domain/fund-schemas';
import { assessCell, type MonitoringSide } from '@/lib/domain/monitoring';
import { monitoringColumns, monitoringFromGrid, sampleColumn } from '@/lib/interchange/monitoring-table';
import { placeOf, requestFields } from '@/lib/domain/problem-place';
import type { Prisma } from '@/lib/generated/prisma/client';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { confirmedYears, loadAdministration, ruleOf, toEntry } from './administration';
import { inFundTransaction, mayEnterMonitoring } from './fund-access';
import { cellDto } from './fund-dto';
import { text } from '@/lib/domain/local-text';

/** The columns of the table one entry of samples is checked as: a row per sample. */
const sampleRowColumns = ['year', 'indicator', sampleColumn, 'value', 'laboratory'] as const;

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
    const samples = input.samples;
    const columns: readonly string[] = samples ? sampleRowColumns : monitoringColumns;
    const grid = samples
      ? [[...columns], ...samples.map((s) => [String(input.year), input.indicator, s.on, s.value, input.laboratory])]
      : [[...columns], [String(input.year), input.indicator, input.value ?? '', input.laboratory, input.sampledFrom ?? '', input.sampledTo ?? '']];
    const checked = monitoringFromGrid(grid, { indicators: admin.indicators.declared, from: agreement.startYear, to: agreement.endYear, monitoring: admin.resultRules });
    if (!checked.ok) {
      // The table's columns are the body's fields; a row of samples is a sample of the body's list.
      const fieldOf = (p: { row: number; column: string }) => {
        const column = /^[A-Z]$/.test(p.column) ? columns[p.column.charCodeAt(0) - 65] : undefined;
        if (!column) return { field: '(body)' };
        if (!samples || (column !== 'value' && column !== sampleColumn)) return { field: column };
        const path = ['samples', p.row - 2, column === sampleColumn ? 'on' : 'value'] as const;
        return { field: path.join('.'), label: placeOf(path, input, requestFields) };
      };
      // Each row of samples repeats the year and indicator: a problem with them is listed once.
      const listed = checked.problems.map((p) => ({ ...fieldOf(p), message: p.message, text: p.text }));
      throw ValidationError.listing(listed.filter((p, i) => listed.findIndex((q) => q.field === p.field && q.message === p.message) === i));
    }
    const row = checked.rows[0]!;
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
