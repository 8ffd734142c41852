import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import {
  gridToCsv,
  gridToXlsx,
  monitoringHeaders,
  monitoringSamplesTemplate,
  monitoringSheetName,
  monitoringTemplate,
  sampleTemplateColumns,
  templateColumns,
} from '@/lib/interchange/monitoring-table';
import { readerTranslator } from '@/lib/server/i18n/reader-translator';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { agreementTerms, termsIndicators } from '@/lib/domain/fund-settlement';
import { monitoringRules } from '@/lib/terms';
import { readAdministered } from './fund-access';
import { text } from '@/lib/domain/local-text';

/**
 * A table in the import layout for a year: one row per indicator the terms declare with the unit
 * they state for it, values to fill in; or, for `layout: 'samples'`, one row per sample, as many
 * per indicator as the terms' sampling frequency calls for (monthly when they say nothing), each
 * with a proposed date to correct (decision 0097). The header is in the reader's language (the
 * import reads either), and the .xlsx has a sheet saying what each column holds.
 */
export async function exportMonitoringTemplate({
  actor,
  origin,
  dealId,
  agreementId,
  year,
  format,
  layout = 'value',
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  year: number;
  format: 'csv' | 'xlsx';
  layout?: 'value' | 'samples';
}) {
  const { agreement } = await readAdministered({ actor, origin, dealId, agreementId, client: db() });
  if (year < agreement.startYear || year > agreement.endYear) throw new ValidationError(text('yearOutsideAgreement', { year, from: agreement.startYear, to: agreement.endYear }), 'year');
  const read = agreementTerms(agreement.terms);
  const terms = read.ok ? read.terms : null;
  const rules = terms ? monitoringRules(terms) : {};
  const indicators = termsIndicators(terms).declared.map((name) => ({ name, unit: rules[name]?.unit ?? '', frequency: terms?.monitoring?.[name]?.frequency }));
  const language = actor.locale === 'zh' ? 'zh' : 'en';
  const samples = layout === 'samples';
  const grid = samples ? monitoringSamplesTemplate(indicators, year, language) : monitoringTemplate(indicators, year, language);
  const fileName = `monitoring-${agreement.number}-${year}${samples ? '-samples' : ''}.${format}`;
  if (format === 'csv') return { fileName, contentType: 'text/csv; charset=utf-8', bytes: Buffer.from(`\uFEFF${gridToCsv(grid)}`, 'utf8') };
  const t = readerTranslator(actor.locale);
  const guide = {
    sheet: t('exports.guide.sheet'),
    columnHeader: t('exports.guide.column'),
    meaningHeader: t('exports.guide.meaning'),
    lines: [
      t('exports.guide.note'),
      t('exports.monitoring.indicators', { list: indicators.map((i) => `${i.name} ${i.unit}`.trim()).join(language === 'zh' ? '、' : ', ') }),
      t(samples ? 'exports.monitoring.samplesLayout' : 'exports.monitoring.valueLayout'),
    ],
    columns: (samples ? sampleTemplateColumns : templateColumns).map((column) => [monitoringHeaders[language][column], t(`exports.monitoring.${column}`)] as const),
  };
  return { fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await gridToXlsx(grid, monitoringSheetName, guide) };
}
