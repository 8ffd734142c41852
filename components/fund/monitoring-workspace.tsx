'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Notice } from '@/components/ui/notice';
import { EmptyState } from '@/components/ui/empty-state';
import type { CellDto } from '@/lib/contracts/fund';
import type { MonitoringView } from '@/lib/contracts/fund';
import { MonitoringEnterForm } from './monitoring-enter-form';
import { MonitoringImportForm } from './monitoring-import-form';
import { MonitoringImports } from './monitoring-imports';
import { MonitoringYear } from './monitoring-year';
import { TolerancesPanel } from './tolerances-panel';

/** The monitoring results of an agreement, year by year, with import, entry and dispute resolution. */
export function MonitoringWorkspace({ dealId, agreementId, view }: { dealId: string; agreementId: string; view: MonitoringView }) {
  const t = useTranslations('fund');
  const locale = useLocale();
  const router = useRouter();
  const [resolving, setResolving] = useState<string | null>(null);
  const refresh = () => {
    setResolving(null);
    router.refresh();
  };
  const archived = view.agreement.status === 'ARCHIVED';
  const byYear = useMemo(() => {
    const map = new Map<number, CellDto[]>();
    for (const cell of view.cells) map.set(cell.year, [...(map.get(cell.year) ?? []), cell]);
    return [...map.entries()].sort(([a], [b]) => b - a);
  }, [view.cells]);
  const settled = new Set(view.years.filter((y) => y.settled).map((y) => y.year));
  const hasResults = view.cells.some((c) => c.state !== 'missing');

  if (!view.agreement.hasTerms || view.indicators.length === 0) {
    return (
      <Notice tone="neutral" size="lg" testId="monitoring-empty">
        {t('monitoring.noIndicators')}
      </Notice>
    );
  }

  return (
    <div className="space-y-6" lang={locale}>
      {view.disputed > 0 && (
        <Notice tone="error" testId="disputed-banner">
          {t('monitoring.disputedBanner', { count: view.disputed })}
        </Notice>
      )}
      {archived && view.me.mayEnter && (
        <div className="grid gap-6 lg:grid-cols-2">
          <MonitoringImportForm
            dealId={dealId}
            agreementId={agreementId}
            years={view.years
              .filter((y) => !y.settled)
              .map((y) => y.year)
              .reverse()}
            onDone={refresh}
          />
          <MonitoringEnterForm dealId={dealId} agreementId={agreementId} view={view} onDone={refresh} />
        </div>
      )}
      {!view.me.mayEnter && <p className="text-sm text-slate-600">{t('monitoring.readOnly')}</p>}

      {!hasResults && <EmptyState size="panel" hint={view.me.mayEnter ? t('monitoring.noneYetEnter') : t('monitoring.noneYet')} testId="monitoring-none" />}

      {byYear
        .filter(([, cells]) => cells.some((c) => c.state !== 'missing'))
        .map(([year, cells]) => (
          <MonitoringYear
            key={year}
            dealId={dealId}
            agreementId={agreementId}
            year={year}
            cells={cells}
            view={view}
            settled={settled.has(year)}
            resolving={resolving}
            onResolve={setResolving}
            onResolved={refresh}
          />
        ))}
      <MonitoringImports dealId={dealId} agreementId={agreementId} imports={view.imports} />
      {archived && <TolerancesPanel dealId={dealId} agreementId={agreementId} view={view} />}
    </div>
  );
}
