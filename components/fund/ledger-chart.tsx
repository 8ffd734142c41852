'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '@/components/ui/echart';
import type { LedgerView } from '@/lib/contracts/fund';
import { chartNumber } from './format';

// 万元 for a Chinese reader, millions for an English one: the axis unit the catalogue names (ledger.chart.axis).
const axisDivisor = { zh: 1e4, en: 1e6 } as const;

/**
 * The agreement's scheduled, settled and paid amounts by year. A year not yet settled has no
 * settled bar (not a zero one); the exact amounts are in the ledger table above.
 */
export function LedgerChart({ byYear }: { byYear: LedgerView['byYear'] }) {
  const t = useTranslations('fund');
  const locale = useLocale();
  const divisor = locale === 'en' ? axisDivisor.en : axisDivisor.zh;
  const option = useMemo<EChartOption>(() => {
    const scaled = (value: string | null) => (value === null ? null : (chartNumber(value) ?? 0) / divisor);
    return {
      animation: false,
      color: ['#94a3b8', '#1d6fa5', '#2e9d6a'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 72, right: 24, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: byYear.map((y) => String(y.year)) },
      yAxis: { type: 'value', name: t('ledger.chart.axis') },
      series: [
        { type: 'bar', name: t('ledger.chart.scheduled'), data: byYear.map((y) => scaled(y.scheduled)) },
        { type: 'bar', name: t('ledger.chart.settled'), data: byYear.map((y) => (y.confirmed ? scaled(y.settled) : null)) },
        { type: 'bar', name: t('ledger.chart.paid'), data: byYear.map((y) => scaled(y.paid)) },
      ],
    } as EChartOption;
  }, [byYear, divisor, t]);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t('ledger.chart.title')}</h2>
      <EChart option={option} height={300} label={t('ledger.chart.label')} className="mt-2" testId="ledger-chart" />
    </section>
  );
}
