'use client';

import Decimal from 'decimal.js';
import { useLocale, useTranslations } from 'next-intl';
import { useIndicatorName } from './use-indicator-name';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '@/components/ui/echart';
import type { FundPortfolio } from '@/lib/contracts/fund';
import type { Direction } from '@/lib/terms';
import { chartNumber } from './format';

const palette = ['#1d6fa5', '#7fb8dc', '#2e9d6a', '#d97706', '#9333ea', '#dc2626', '#0f766e', '#64748b'];

/** Amounts on the axes in 万元 / 亿元 for Chinese readers, millions for English ones. */
function axisScale(lang: string, max: number) {
  if (lang === 'zh') return max >= 1e8 ? { divisor: 1e8, label: '亿元' } : { divisor: 1e4, label: '万元' };
  return max >= 1e6 ? { divisor: 1e6, label: 'million CNY' } : { divisor: 1, label: 'CNY' };
}

/**
 * A result relative to its target so that 1 is the target and at or below 1 meets it, whichever
 * way the terms say is better: result ÷ target when lower is better, target ÷ result when higher
 * is (a conduct score of 75 against 90 stands at 1.2, above the line). Null for a zero result
 * under "higher", which has no ratio.
 */
function relativeToTarget(value: string, target: string, direction: Direction): number | null {
  const ratio = direction === 'lower' ? new Decimal(value).dividedBy(target) : new Decimal(value).isZero() ? null : new Decimal(target).dividedBy(value);
  return ratio ? ratio.toDecimalPlaces(4).toNumber() : null;
}

/**
 * The dashboard's charts. Every amount was summed in decimal on the server; it becomes a
 * JavaScript number only here, as a chart coordinate (chartNumber), and the tables beside the
 * charts show the exact amounts.
 */
export function PortfolioCharts({ portfolio }: { portfolio: FundPortfolio }) {
  const t = useTranslations('fund');
  const indicatorName = useIndicatorName();
  const lang = useLocale();

  const money = useMemo<EChartOption | null>(() => {
    if (!portfolio.byYear.length) return null;
    const max = Math.max(...portfolio.byYear.flatMap((y) => [y.scheduled, y.settled, y.paid, y.cumulativeOutstanding].map((v) => Math.abs(chartNumber(v) ?? 0))), 1);
    const { divisor, label } = axisScale(lang, max);
    const scaled = (v: string) => (chartNumber(v) ?? 0) / divisor;
    return {
      animation: false,
      color: palette,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 24, top: 64, bottom: 32 },
      xAxis: { type: 'category', data: portfolio.byYear.map((y) => String(y.year)) },
      yAxis: { type: 'value', name: label },
      series: [
        { type: 'bar', name: t('ledger.col.scheduled'), data: portfolio.byYear.map((y) => scaled(y.scheduled)) },
        { type: 'bar', name: t('ledger.col.settled'), data: portfolio.byYear.map((y) => scaled(y.settled)) },
        { type: 'bar', name: t('ledger.col.paid'), data: portfolio.byYear.map((y) => scaled(y.paid)) },
        { type: 'line', name: t('dashboard.cumulativeOutstanding'), data: portfolio.byYear.map((y) => scaled(y.cumulativeOutstanding)) },
      ],
    } as EChartOption;
  }, [portfolio.byYear, lang, t]);

  const payments = useMemo<EChartOption | null>(() => {
    if (!portfolio.paymentsOverTime.length) return null;
    const max = Math.max(...portfolio.paymentsOverTime.flatMap((m) => [Math.abs(chartNumber(m.cumulative) ?? 0), Math.abs(chartNumber(m.paid) ?? 0)]), 1);
    const { divisor, label } = axisScale(lang, max);
    return {
      animation: false,
      color: [palette[2]!, palette[0]!],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 24, top: 64, bottom: 32 },
      xAxis: { type: 'category', data: portfolio.paymentsOverTime.map((m) => m.month) },
      yAxis: { type: 'value', name: label },
      series: [
        { type: 'bar', name: t('dashboard.paidInMonth'), data: portfolio.paymentsOverTime.map((m) => (chartNumber(m.paid) ?? 0) / divisor) },
        { type: 'line', name: t('dashboard.paidCumulative'), data: portfolio.paymentsOverTime.map((m) => (chartNumber(m.cumulative) ?? 0) / divisor) },
      ],
    } as EChartOption;
  }, [portfolio.paymentsOverTime, lang, t]);

  const quality = useMemo<EChartOption | null>(() => {
    const rows = portfolio.results.filter((r) => !r.volume && r.target !== null && r.value !== null && !new Decimal(r.target).isZero());
    if (!rows.length) return null;
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const keys = [...new Set(rows.map((r) => `${r.agreementNumber}\u0000${r.dealId}\u0000${r.indicator}`))];
    return {
      animation: false,
      color: palette,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 56, right: 24, top: 64, bottom: 32 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: t('dashboard.ratioAxis') },
      series: keys.map((key, i) => {
        const [number, dealId, indicator] = key.split('\u0000') as [string, string, string];
        const deal = rows.find((r) => r.dealId === dealId)!.deal;
        return {
          type: 'line',
          name: `${indicatorName(indicator)} · ${lang === 'zh' ? deal.nameZh : deal.name} · ${t('archive.number', { number })}`,
          connectNulls: false,
          showSymbol: true,
          symbol: 'circle',
          symbolSize: 8,
          data: years.map((year) => {
            const row = rows.find((r) => `${r.agreementNumber}\u0000${r.dealId}\u0000${r.indicator}` === key && r.year === year);
            // The ratio is computed in decimal; the coordinate is its JavaScript number.
            return row ? relativeToTarget(row.value!, row.target!, row.direction) : null;
          }),
          ...(i === 0
            ? {
                markLine: {
                  silent: true,
                  symbol: 'none',
                  data: [{ yAxis: 1, name: t('dashboard.target') }],
                  label: { formatter: t('dashboard.target') },
                  lineStyle: { color: '#dc2626', type: 'dashed' },
                },
              }
            : {}),
        };
      }),
    } as EChartOption;
  }, [portfolio.results, t, indicatorName, lang]);

  const water = useMemo<EChartOption | null>(() => {
    const rows = portfolio.results.filter((r) => r.volume && r.value !== null);
    if (!rows.length) return null;
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const target = rows.find((r) => r.target !== null)?.target ?? null;
    return {
      animation: false,
      color: [palette[0]!],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 24, top: 64, bottom: 32 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: rows[0]!.unit },
      series: [
        {
          type: 'bar',
          name: t('dashboard.delivered'),
          data: years.map((year) =>
            chartNumber(
              rows
                .filter((r) => r.year === year)
                .reduce((sum, r) => sum.plus(r.value!), new Decimal(0))
                .toString(),
            ),
          ),
          ...(target
            ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: chartNumber(target) ?? 0 }], label: { formatter: t('dashboard.target') }, lineStyle: { color: '#dc2626', type: 'dashed' } } }
            : {}),
        },
      ],
    } as EChartOption;
  }, [portfolio.results, t]);

  const charts: [string, EChartOption | null, string][] = [
    ['money', money, t('dashboard.chart.money')],
    ['payments', payments, t('dashboard.chart.payments')],
    ['quality', quality, t('dashboard.chart.quality')],
    ['water', water, t('dashboard.chart.water')],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {charts.map(([id, option, title]) => (
        <section key={id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`chart-${id}`}>
          <h2 className="font-semibold">{title}</h2>
          {option ? <EChart option={option} height={280} label={title} testId={`echart-${id}`} /> : <p className="mt-3 text-sm text-slate-500">{t(`dashboard.chartEmpty.${id}`)}</p>}
        </section>
      ))}
    </div>
  );
}
