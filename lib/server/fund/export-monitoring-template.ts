import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import { gridToCsv, gridToXlsx, monitoringColumns, monitoringSheetName, monitoringTemplate } from '@/lib/interchange/monitoring-table';
import { readerTranslator } from '@/lib/server/i18n/reader-translator';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { agreementTerms, termsIndicators } from '@/lib/domain/fund-settlement';
import { readAdministered } from './fund-access';
import { text } from '@/lib/domain/local-text';

/** A table in the import layout for a year: one row per indicator the terms declare, values to fill in. */
export async function exportMonitoringTemplate({ actor, origin, dealId, agreementId, year, format }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string; year: number; format: 'csv' | 'xlsx' }) {
  const { agreement } = await readAdministered({ actor, origin, dealId, agreementId, client: db() });
  if (year < agreement.startYear || year > agreement.endYear) throw new ValidationError(text('yearOutsideAgreement', { year, from: agreement.startYear, to: agreement.endYear }), 'year');
  const read = agreementTerms(agreement.terms);
  const grid = monitoringTemplate(termsIndicators(read.ok ? read.terms : null).declared, year);
  const fileName = `monitoring-${agreement.number}-${year}.${format}`;
  if (format === 'csv') return { fileName, contentType: 'text/csv; charset=utf-8', bytes: Buffer.from(`\uFEFF${gridToCsv(grid)}`, 'utf8') };
  // The header row stays the import's column names; the guide sheet names them in the reader's language.
  const t = readerTranslator(actor.locale);
  const guide = {
    sheet: t('exports.guide.sheet'),
    columnHeader: t('exports.guide.column'),
    meaningHeader: t('exports.guide.meaning'),
    lines: [t('exports.guide.note')],
    columns: monitoringColumns.map((column) => [column, t(`exports.monitoring.${column}`)] as const),
  };
  return { fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await gridToXlsx(grid, monitoringSheetName, guide) };
}
