'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button';
import type { MonitoringImportDto } from '@/lib/contracts/fund';
import { formatDateTime } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';

/** The imported files the reader may download, as they were sent (decision 0091). */
export function MonitoringImports({ dealId, agreementId, imports }: { dealId: string; agreementId: string; imports: MonitoringImportDto[] }) {
  const t = useTranslations('fund');
  const locale = useLocale() as AppLocale;
  if (imports.length === 0) return null;
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="monitoring-imports">
      <h2 className="font-semibold">{t('monitoring.kept.title')}</h2>
      <p className="text-sm text-slate-600">{t('monitoring.kept.explain')}</p>
      <ul className="divide-y divide-slate-100 text-sm">
        {imports.map((kept) => (
          <li key={kept.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
            <span className="font-medium break-all">{kept.fileName}</span>
            <span className="text-slate-600">{t('monitoring.kept.by', { side: t(`side.${kept.side as 'UPSTREAM'}`), name: kept.importedByName })}</span>
            <span className="text-slate-600" title={t('monitoring.kept.at')}>
              {formatDateTime(kept.importedAt, locale)}
            </span>
            <span className="text-slate-600">{t('monitoring.kept.rows', { count: kept.rows })}</span>
            <span className="font-mono text-xs text-slate-500" title="SHA-256">
              {kept.sha256.slice(0, 12)}
            </span>
            <ButtonLink intent="quiet" href={`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/imports/${kept.id}`} download testId="import-download">
              {t('monitoring.kept.download')}
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
