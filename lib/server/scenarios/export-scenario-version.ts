import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { serializeScenario } from '@/lib/engine';
import { costTable, fixedColumns, sectionNames, toCsv, toXlsx } from '@/lib/interchange/cost-table';
import { readerTranslator } from '@/lib/server/i18n/reader-translator';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { parseOrRefuse } from './save-scenario-version';
import { versionInDeal, versionResultInDeal } from './scenario-access';

export type ExportFormat = 'scenario' | 'result' | 'csv' | 'xlsx';

/** A version as pes-scenario/1, its pes-result/1, or its cost table as CSV or .xlsx. */
export async function exportScenarioVersion({ actor, origin, dealId, versionId, format }: { actor: Actor; origin: RequestOrigin; dealId: string; versionId: string; format: ExportFormat }) {
  await requireDealAccess({ actor, dealId, right: 'view', origin });
  if (format === 'result') {
    // The stored result as it is: neither the document nor its parse is needed.
    const stored = await versionResultInDeal(dealId, versionId);
    return { body: JSON.stringify(stored.result, null, 2), contentType: 'application/json; charset=utf-8', fileName: null };
  }
  const version = await versionInDeal(dealId, versionId);
  const scenario = parseOrRefuse(version.document);
  const base = `${version.scenario.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-v${version.number}`;
  switch (format) {
    case 'csv':
      return { body: `\uFEFF${toCsv(scenario)}`, contentType: 'text/csv; charset=utf-8', fileName: `${encodeURIComponent(base)}.csv` };
    case 'xlsx': {
      // The header row stays the import's column names; the guide sheet names them in the reader's language.
      const t = readerTranslator(actor.locale);
      const guide = {
        sheet: t('exports.guide.sheet'),
        columnHeader: t('exports.guide.column'),
        meaningHeader: t('exports.guide.meaning'),
        lines: [t('exports.costTable.units', { unit: scenario.unit, currency: scenario.currency, priceBase: scenario.priceBase }), t('exports.guide.note')],
        columns: [
          ...fixedColumns.map((column) => [column, t(`exports.costTable.${column}`, sectionNames)] as const),
          [costTable(scenario).header.slice(fixedColumns.length).join(', ') || '—', t('exports.costTable.years')] as const,
        ],
      };
      return { body: new Uint8Array(await toXlsx(scenario, guide)), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${encodeURIComponent(base)}.xlsx` };
    }
    default:
      return { body: serializeScenario(scenario), contentType: 'application/json; charset=utf-8', fileName: null };
  }
}
