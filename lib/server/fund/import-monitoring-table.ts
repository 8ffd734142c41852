import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import type { MonitoringSide } from '@/lib/domain/monitoring';
import { gridBounds } from '@/lib/interchange/grid-bounds';
import { columnLabel, monitoringFromCsv, monitoringFromXlsx } from '@/lib/interchange/monitoring-table';
import { gridProblem, problemAt, problemField, type GridProblem } from '@/lib/interchange/grid-problem';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { assessMonitoring } from '@/lib/domain/monitoring';
import { confirmedYears, loadAdministration, toEntry } from './administration';
import { inFundTransaction, mayEnterMonitoring } from './fund-access';
import { text } from '@/lib/domain/local-text';
import type { Prisma } from '@/lib/generated/prisma/client';

export const maxMonitoringTableBytes = 5 * 1024 * 1024;

/** How many imported rows the audit event lists one by one; all of them share the import's id. */
const auditedRows = 1000;

function isXlsx(bytes: Uint8Array, fileName: string) {
  // An .xlsx is a zip archive: "PK\x03\x04".
  return (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) || /\.xlsx$/i.test(fileName);
}

/**
 * A table of monitoring results (CSV or .xlsx, docs/api.md) for the importer's own side, one row
 * per indicator and year or one row per sample (a sampling-date column: the rows of an indicator
 * and year become one result of dated samples, docs/decisions/0097), all or nothing: any problem in any row (unknown indicator, bad number, year outside the agreement or
 * already settled, sampling dates) refuses the whole table, listing every problem with its row and
 * column (by its label in the reader's language), and saves nothing. An accepted file is kept as
 * it was sent (bytes, name, SHA-256, who and when: MonitoringImport).
 */
export async function importMonitoringTable({
  actor,
  origin,
  dealId,
  agreementId,
  fileName,
  bytes,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  fileName: string;
  bytes: Uint8Array;
}) {
  if (bytes.byteLength === 0) throw new ValidationError(text('fileEmpty'), 'file');
  if (bytes.byteLength > maxMonitoringTableBytes) throw new ValidationError(text('tableTooLarge', { mb: maxMonitoringTableBytes / 1024 / 1024 }), 'file');
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayEnterMonitoring }, async (tx, { access, agreement }) => {
    const admin = await loadAdministration(tx, agreement);
    const rules = { indicators: admin.indicators.declared, from: agreement.startYear, to: agreement.endYear, monitoring: admin.resultRules };
    const xlsx = isXlsx(bytes, fileName);
    let outcome;
    if (xlsx) outcome = await monitoringFromXlsx(bytes, rules);
    else {
      let csv: string;
      try {
        csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new ValidationError(text('tableNotXlsxOrCsv'), 'file');
      }
      outcome = monitoringFromCsv(csv, rules);
    }
    const problems: GridProblem[] = outcome.ok ? [] : outcome.problems;
    const settled = confirmedYears(admin);
    if (outcome.ok) {
      for (const row of outcome.rows) {
        if (settled.has(row.year)) problems.push(gridProblem(row.row, outcome.columns.year ?? '—', text('yearSettledFinal', { year: row.year }), columnLabel('year')));
      }
    }
    if (problems.length || !outcome.ok) {
      const listed = problems.map((p) => ({ field: problemField(p), at: problemAt(p), message: p.message, text: p.text }));
      throw ValidationError.listing(listed, (lines) => text('tableRefused', { count: listed.length, problems: lines }), 'file', gridBounds.listedProblems);
    }
    const side = access.membership.side as MonitoringSide;
    const importId = randomUUID();
    const name = fileName.slice(0, 255);
    // The file as sent is kept beside the rows it made, so that what a lab reported can be shown later.
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const contentType = xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8';
    const known = await tx.evidenceFile.findUnique({ where: { sha256 }, select: { sha256: true } });
    if (!known) await tx.evidenceFile.create({ data: { sha256, contentType, size: bytes.byteLength, bytes: Buffer.from(bytes) } });
    await tx.monitoringImport.create({
      data: {
        id: importId,
        agreementId: agreement.id,
        side,
        fileName: name,
        sha256,
        contentType,
        size: bytes.byteLength,
        rows: outcome.rows.length,
        importedById: actor.id,
        importedByName: actor.name,
      },
    });
    await tx.monitoringValue.createMany({
      data: outcome.rows.map((row) => ({
        agreementId: agreement.id,
        year: row.year,
        indicator: row.indicator,
        value: row.value,
        ...(row.samples ? { samples: row.samples as unknown as Prisma.InputJsonValue } : {}),
        side,
        laboratory: row.laboratory,
        sampledFrom: new Date(`${row.sampledFrom}T00:00:00Z`),
        sampledTo: new Date(`${row.sampledTo}T00:00:00Z`),
        source: 'IMPORT' as const,
        importId,
        fileName: name,
        enteredById: actor.id,
        enteredByName: actor.name,
      })),
    });
    const created = await tx.monitoringValue.findMany({ where: { importId } });
    const cells = assessMonitoring({ years: [], indicators: [], entries: [...admin.entries, ...created.map(toEntry)], resolutions: admin.rulings, rules: admin.rulesOf });
    const touched = new Set(outcome.rows.map((r) => `${r.year}.${r.indicator}`));
    const disputed = cells.filter((c) => touched.has(`${c.year}.${c.indicator}`) && c.state === 'disputed').map((c) => ({ year: c.year, indicator: c.indicator }));
    await appendAuditEvent(tx, {
      action: 'monitoring.imported',
      origin,
      actor,
      side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: {
        after: {
          importId,
          fileName: name,
          sha256,
          rows: outcome.rows.length,
          years: [...new Set(outcome.rows.map((r) => r.year))],
          values: outcome.rows
            .slice(0, auditedRows)
            .map((r) => ({ year: r.year, indicator: r.indicator, value: r.value, laboratory: r.laboratory, ...(r.samples ? { samples: r.samples.length } : {}) })),
          ...(outcome.rows.length > auditedRows ? { truncated: true } : {}),
          disputed,
        },
      },
    });
    return { importId, sha256, imported: outcome.rows.length, years: [...new Set(outcome.rows.map((r) => r.year))], disputed };
  });
}
