'use client';

import Decimal from 'decimal.js';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '@/components/ui/echart';
import type { CellDto, MonitoringView } from '@/lib/contracts/fund';
import { toleranceBand } from '@/lib/terms/tolerance-band';
import { chartNumber } from './format';
import { useIndicatorName } from './use-indicator-name';

const labs = ['UPSTREAM', 'DOWNSTREAM', 'FUND'] as const;
const labColour: Record<(typeof labs)[number], string> = { UPSTREAM: '#2e9d6a', DOWNSTREAM: '#1d6fa5', FUND: '#d97706' };
const labKey: Record<(typeof labs)[number], string> = { UPSTREAM: 'upstream', DOWNSTREAM: 'downstream', FUND: 'fund' };

/** A stored result as a coordinate: a censored "<0.01" is drawn at its limit, the table says which it was. */
function plotted(value: string | null): number | null {
  return value === null ? null : chartNumber(value.replace(/^[<＜]\s*/, ''));
}

/** The labs' current results of a cell that the reader may see, by side. */
function labValue(cell: CellDto | undefined, side: string): string | null {
  return cell?.current.find((e) => e.side === side && e.value !== null)?.value ?? null;
}

function indicatorOption(view: MonitoringView, indicator: MonitoringView['indicators'][number], t: ReturnType<typeof useTranslations<'fund'>>): EChartOption | null {
  const cells = new Map(view.cells.filter((c) => c.indicator === indicator.name).map((c) => [c.year, c]));
  const years = view.years.map((y) => y.year);
  const reporting = labs.filter((side) => years.some((year) => labValue(cells.get(year), side) !== null));
  if (!reporting.length) return null;
  const bands = years.map((year) => {
    const cell = cells.get(year);
    const values = reporting
      .map((side) => labValue(cell, side))
      .filter((v): v is string => v !== null)
      .map((v) => v.replace(/^[<＜]\s*/, ''));
    return toleranceBand(values, cell?.allowed ?? null);
  });
  const bandName = t('monitoring.chart.band');
  const targetLabel = indicator.target === null ? null : `${t('dashboard.target')} ${indicator.direction === 'lower' ? '≤' : '≥'} ${indicator.target}`;
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [...reporting.map((side) => t(`monitoring.chart.lab.${labKey[side]}`)), bandName, t('monitoring.chart.used')] },
    grid: { left: 56, right: 24, top: 84, bottom: 32 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: indicator.unit, scale: true },
    series: [
      ...reporting.map((side) => ({
        type: 'bar' as const,
        name: t(`monitoring.chart.lab.${labKey[side]}`),
        itemStyle: { color: labColour[side] },
        barMaxWidth: 18,
        data: years.map((year) => plotted(labValue(cells.get(year), side))),
      })),
      // The band as two stacked lines: an invisible base at its low edge, its width filled above.
      { type: 'line' as const, name: `${bandName}-base`, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false }, data: bands.map((b) => (b ? chartNumber(b.low) : null)) },
      {
        type: 'line' as const,
        name: bandName,
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#94a3b8' },
        areaStyle: { color: 'rgba(148, 163, 184, 0.35)' },
        data: bands.map((b) => (b ? new Decimal(b.high).minus(b.low).toNumber() : null)),
      },
      {
        type: 'line' as const,
        name: t('monitoring.chart.used'),
        itemStyle: { color: '#0f172a' },
        symbol: 'circle',
        symbolSize: 7,
        connectNulls: false,
        data: years.map((year) => plotted(cells.get(year)?.value ?? null)),
        ...(targetLabel
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                data: [{ yAxis: chartNumber(indicator.target) ?? 0 }],
                label: { formatter: targetLabel, position: 'insideEndTop' as const },
                lineStyle: { color: '#dc2626', type: 'dashed' as const },
              },
            }
          : {}),
      },
    ],
  } as EChartOption;
}

/**
 * Each indicator over the agreement's years: the labs' results side by side, the band they must
 * fall in to agree (the tolerance, decision 0087), the value used for settlement and the target
 * of the terms. A lab sees only what blind entry lets it see: a sealed result is not drawn.
 */
export function MonitoringCharts({ view }: { view: MonitoringView }) {
  const t = useTranslations('fund');
  const indicatorName = useIndicatorName();
  const options = useMemo(() => view.indicators.map((indicator) => ({ indicator, option: indicatorOption(view, indicator, t) })), [view, t]);
  if (!options.some((o) => o.option)) return null;
  return (
    <section className="space-y-3" data-testid="monitoring-charts">
      <div>
        <h2 className="font-semibold">{t('monitoring.chart.title')}</h2>
        <p className="text-sm text-slate-600">{t('monitoring.chart.explain')}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {options.map(({ indicator, option }) => {
          const title = `${indicatorName(indicator.name)} (${indicator.unit})`;
          return (
            <div key={indicator.name} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`monitoring-chart-${indicator.name}`}>
              <h3 className="text-sm font-medium">{title}</h3>
              <p className="text-xs text-slate-500">
                {t(`monitoring.chart.direction.${indicator.direction}`)}
                {!indicator.directionSigned && ` · ${t('monitoring.chart.directionAssumed')}`}
                {indicator.target === null && ` · ${t('monitoring.chart.noTarget')}`}
              </p>
              {option ? (
                <EChart option={option} height={260} label={title} testId={`echart-indicator-${indicator.name}`} />
              ) : (
                <p className="mt-3 text-sm text-slate-500">{t('monitoring.chart.empty')}</p>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
