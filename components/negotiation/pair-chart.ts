import { D, ZERO, type Dec } from '@/lib/engine/decimal';
import type { PairYear } from '@/lib/engine/version-pair';
import type { AppLocale } from '@/lib/domain/locale';
import type { EChartOption } from '@/components/ui/echart';
import { GAP_COLOUR, OFFER_COLOURS, escapeHtml, money, type DisplayScale } from './format';
import { toChartNumber } from './zone-math';

export interface PairChartText {
  lower: string;
  upper: string;
  suggested: string;
  zone: string;
  gap: string;
  axis: string;
}

type LineSeries = Extract<NonNullable<EChartOption['series']>, readonly unknown[]>[number];

/** Upstream's lower bound in its side's colour, downstream's upper bound in its own (as the offers are). */
const LOWER_COLOUR = OFFER_COLOURS.UPSTREAM;
const UPPER_COLOUR = OFFER_COLOURS.DOWNSTREAM;
const ZONE_COLOUR = '#1f6f94';

/**
 * The zone between the sides as an ECharts option: the upstream version's lower bound (solid),
 * the downstream version's upper bound (dashed), the zone between them shaded, a no-deal gap in
 * red, the Nash suggestion at the chosen weight (dotted). Rows are in `unit` × currency.
 */
export function pairChartOption(rows: readonly PairYear[], unit: number, scale: DisplayScale, lang: AppLocale, text: PairChartText): EChartOption {
  const num = (value: Dec | null) => toChartNumber(value, unit, scale);
  const both = (r: PairYear) => r.lowerBound !== null && r.upperBound !== null;
  const line = (name: string, colour: string, data: (number | null)[], style: Partial<LineSeries> = {}): LineSeries =>
    ({ type: 'line', name, data, step: 'middle', symbol: 'none', connectNulls: false, color: colour, lineStyle: { color: colour, width: 2 }, emphasis: { disabled: true }, ...style }) as LineSeries;
  const band = { stack: 'pair', stackStrategy: 'all', silent: true, tooltip: { show: false }, lineStyle: { opacity: 0 } } as const;
  const series: LineSeries[] = [
    line('base', ZONE_COLOUR, rows.map((r) => (both(r) ? num(D.min(r.lowerBound!, r.upperBound!)) : null)), band),
    line(text.zone, ZONE_COLOUR, rows.map((r) => (both(r) ? num(D.max(r.upperBound!.minus(r.lowerBound!), ZERO)) : null)), { ...band, areaStyle: { color: ZONE_COLOUR, opacity: 0.16 } }),
    line(text.gap, GAP_COLOUR, rows.map((r) => (both(r) ? num(D.max(r.lowerBound!.minus(r.upperBound!), ZERO)) : null)), { ...band, areaStyle: { color: GAP_COLOUR, opacity: 0.4 } }),
    line(text.lower, LOWER_COLOUR, rows.map((r) => num(r.lowerBound))),
    line(text.upper, UPPER_COLOUR, rows.map((r) => num(r.upperBound)), { lineStyle: { color: UPPER_COLOUR, width: 2, type: 'dashed' } }),
    line(text.suggested, ZONE_COLOUR, rows.map((r) => num(r.suggestedPayment)), { lineStyle: { color: ZONE_COLOUR, width: 1.5, type: 'dotted' } }),
  ];
  // Tooltips from the decimals, not from the chart's numbers.
  const tips = new Map(
    rows.map((r) => {
      const parts = [
        `<span style="color:${LOWER_COLOUR}">━</span> ${escapeHtml(`${text.lower} ${money(r.lowerBound, unit, scale, lang)}`)}`,
        `<span style="color:${UPPER_COLOUR}">┅</span> ${escapeHtml(`${text.upper} ${money(r.upperBound, unit, scale, lang)}`)}`,
      ];
      if (r.suggestedPayment) parts.push(`<span style="color:${ZONE_COLOUR}">┈</span> ${escapeHtml(`${text.suggested} ${money(r.suggestedPayment, unit, scale, lang)}`)}`);
      if (r.feasible === false) parts.push(`<b style="color:${GAP_COLOUR}">${escapeHtml(text.gap)}</b>`);
      return [r.year, parts.join('<br/>')];
    }),
  );
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { axisValue?: string | number } | undefined) : undefined;
        const year = Number(first?.axisValue);
        return tips.has(year) ? `<b>${year}</b><br/>${tips.get(year)}` : '';
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)), boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: text.axis, nameTextStyle: { align: 'left' }, splitLine: { lineStyle: { color: '#e2e8f0' } } },
    series,
  };
}
