'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useIndicatorName } from './use-indicator-name';
import type { MonitoringView } from '@/lib/contracts/fund';

/**
 * How far two sides' results may lie apart before they are disputed, per indicator, as the terms in
 * force say: part of the signed agreement, changed only by an amendment (docs/decisions/0089).
 */
export function TolerancesPanel({ dealId, agreementId, view }: { dealId: string; agreementId: string; view: MonitoringView }) {
  const t = useTranslations('fund');
  const indicatorName = useIndicatorName();
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="tolerances-panel">
      <h2 className="font-semibold">{t('monitoring.tolerance.title')}</h2>
      <p className="text-sm text-slate-600">{t('monitoring.tolerance.explain')}</p>
      <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
        {view.indicators.map((i) => (
          <div key={i.name} className="contents" data-testid={`tolerance-${i.name}`}>
            <dt className="text-slate-500">{indicatorName(i.name)}</dt>
            <dd className="num">
              {t('monitoring.tolerance.absolute')}: {i.tolerance.absolute ? `${i.tolerance.absolute} ${i.unit}` : '—'} · {t('monitoring.tolerance.relative')}: {i.tolerance.relative ?? '—'}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">
        {t('monitoring.tolerance.signedNote')}{' '}
        <Link href={`/deals/${dealId}/agreements/${agreementId}#amendments`} className="text-water-700 hover:underline">
          {t('ledger.shares.amendLink')}
        </Link>
      </p>
    </section>
  );
}
