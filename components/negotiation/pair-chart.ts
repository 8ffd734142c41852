import type { Dec } from '@/lib/engine/decimal';
import type { PairYear } from '@/lib/engine/version-pair';
import type { AppLocale } from '@/lib/domain/locale';
import type { EChartOption } from '@/components/ui/echart';
import { bandSeries, boundStyles, lineSeries, zoneChartFrame } from './chart-builder';
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
  const series = [
    ...bandSeries({ stack: 'pair', names: { base: 'base', zone: text.zone, gap: text.gap }, colour: ZONE_COLOUR, lower: rows.map((r) => r.lowerBound), upper: rows.map((r) => r.upperBound), num }),
    lineSeries(
      text.lower,
      LOWER_COLOUR,
      rows.map((r) => num(r.lowerBound)),
    ),
    lineSeries(
      text.upper,
      UPPER_COLOUR,
      rows.map((r) => num(r.upperBound)),
      boundStyles.upper(UPPER_COLOUR),
    ),
    lineSeries(
      text.suggested,
      ZONE_COLOUR,
      rows.map((r) => num(r.suggestedPayment)),
      boundStyles.suggested(ZONE_COLOUR),
    ),
  ];
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
  return zoneChartFrame({ years: rows.map((r) => r.year), tips, axis: text.axis, series });
}
