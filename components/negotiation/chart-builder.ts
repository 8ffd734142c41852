import { D, ZERO, type Dec } from '@/lib/engine/decimal';
import type { EChartOption } from '@/components/ui/echart';
import { GAP_COLOUR } from './format';

/**
 * What every bargaining-zone chart is made of (the versions side by side, zone-chart.ts, and the
 * zone between the sides, pair-chart.ts): stepped lines per year, the zone between a lower and an
 * upper bound shaded with a no-deal gap in red, and an option with one tooltip per year whose
 * lines the caller wrote from the decimals (never from the chart's numbers).
 */

export type LineSeries = Extract<NonNullable<EChartOption['series']>, readonly unknown[]>[number];

/** A stepped line with no symbols; `style` overrides any part (a dashed upper bound, an offer's diamonds). */
export function lineSeries(name: string, colour: string, data: (number | null)[], style: Partial<LineSeries> = {}): LineSeries {
  return { type: 'line', name, data, step: 'middle', symbol: 'none', connectNulls: false, color: colour, lineStyle: { color: colour, width: 2 }, emphasis: { disabled: true }, ...style } as LineSeries;
}

/** The styles the bounds and the Nash suggestion are drawn in: lower solid, upper dashed, suggestion dotted. */
export const boundStyles = {
  upper: (colour: string): Partial<LineSeries> => ({ lineStyle: { color: colour, width: 2, type: 'dashed' } }),
  suggested: (colour: string): Partial<LineSeries> => ({ lineStyle: { color: colour, width: 1.5, type: 'dotted' } }),
};

/**
 * The zone between `lower` and `upper` (aligned year by year) as three stacked, silent series: an
 * invisible base at the smaller bound, the zone (upper − lower where positive) shaded in `colour`
 * and the gap (lower − upper where positive) in red. Years without both bounds have no band.
 */
export function bandSeries({
  stack,
  names,
  colour,
  lower,
  upper,
  num,
}: {
  stack: string;
  names: { base: string; zone: string; gap: string };
  colour: string;
  lower: readonly (Dec | null)[];
  upper: readonly (Dec | null)[];
  num: (value: Dec | null) => number | null;
}): LineSeries[] {
  const band = { stack, stackStrategy: 'all', silent: true, tooltip: { show: false }, lineStyle: { opacity: 0 } } as const;
  const both = (pick: (l: Dec, u: Dec) => Dec) => lower.map((l, i) => (l !== null && upper[i] != null ? num(pick(l, upper[i]!)) : null));
  return [
    lineSeries(
      names.base,
      colour,
      both((l, u) => D.min(l, u)),
      band,
    ),
    lineSeries(
      names.zone,
      colour,
      both((l, u) => D.max(u.minus(l), ZERO)),
      { ...band, areaStyle: { color: colour, opacity: 0.16 } },
    ),
    lineSeries(
      names.gap,
      GAP_COLOUR,
      both((l, u) => D.max(l.minus(u), ZERO)),
      { ...band, areaStyle: { color: GAP_COLOUR, opacity: 0.4 } },
    ),
  ];
}

/** The option around the series: years on the x axis, the amount unit on the y axis, the year's tooltip (HTML, escaped by the caller). */
export function zoneChartFrame({ years, tips, axis, series }: { years: readonly number[]; tips: ReadonlyMap<number, string>; axis: string; series: LineSeries[] }): EChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { axisValue?: string | number } | undefined) : undefined;
        const year = Number(first?.axisValue);
        const tip = tips.get(year);
        return tip ? `<b>${year}</b><br/>${tip}` : '';
      },
    },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: axis, nameTextStyle: { align: 'left' }, splitLine: { lineStyle: { color: '#e2e8f0' } } },
    series,
  };
}
