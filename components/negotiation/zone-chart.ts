import { D, type Dec } from '@/lib/engine/decimal';
import { suggestedAt } from '@/lib/engine/negotiation';
import type { AppLocale } from '@/lib/domain/locale';
import type { ZoneOffer } from '@/lib/contracts/negotiation';
import type { EChartOption } from '@/components/ui/echart';
import { bandSeries, boundStyles, lineSeries, zoneChartFrame, type LineSeries } from './chart-builder';
import { GAP_COLOUR, OFFER_COLOURS, VERSION_COLOURS, escapeHtml, money, type DisplayScale } from './format';
import { toChartNumber, type ZoneVersionDto } from './zone-math';

export interface ZoneChartText {
  versionLabel: (v: ZoneVersionDto) => string;
  offerLabel: (o: ZoneOffer) => string;
  lower: string;
  upper: string;
  suggested: string;
  zone: string;
  gap: string;
  axis: string;
}

/**
 * The bargaining zone as ECharts option: per version its lower bound (solid), upper bound
 * (dashed), the zone between them shaded in the version's colour, a no-deal gap (lower > upper)
 * in red, the Nash suggestion at weight w (dotted); each offer as a line of diamonds.
 */
export function zoneChartOption(versions: ZoneVersionDto[], offers: ZoneOffer[], w: Dec, scale: DisplayScale, lang: AppLocale, text: ZoneChartText): EChartOption {
  const years = [...new Set([...versions.flatMap((v) => v.years.map((y) => y.year)), ...offers.flatMap((o) => o.years.map((y) => y.year))])].sort((a, b) => a - b);
  const at = <T>(rows: T[], yearOf: (r: T) => number) => {
    const map = new Map(rows.map((r) => [yearOf(r), r]));
    return years.map((year) => map.get(year));
  };
  const series: LineSeries[] = [];
  // Tooltip lines per year, from the decimals (not from the chart's numbers).
  const tips = new Map<number, string[]>(years.map((y) => [y, []]));

  versions.forEach((v, index) => {
    const colour = VERSION_COLOURS[index % VERSION_COLOURS.length]!;
    const label = text.versionLabel(v);
    const rows = at(v.years, (y) => y.year);
    const num = (value: Dec | null) => toChartNumber(value, v.unit, scale);
    const lower = rows.map((y) => (y ? new D(y.lowerBound) : null));
    const upper = rows.map((y) => (y && y.upperBound !== null ? new D(y.upperBound) : null));
    const suggested = rows.map((y) => (y ? suggestedAt(y, w) : null));
    const hasUpper = upper.some((u) => u !== null);
    if (hasUpper) series.push(...bandSeries({ stack: `band-${v.id}`, names: { base: `${label} base`, zone: `${label} ${text.zone}`, gap: `${label} ${text.gap}` }, colour, lower, upper, num }));
    series.push(lineSeries(`${label} · ${text.lower}`, colour, lower.map(num)));
    if (hasUpper) {
      series.push(lineSeries(`${label} · ${text.upper}`, colour, upper.map(num), boundStyles.upper(colour)));
      series.push(lineSeries(`${label} · ${text.suggested}`, colour, suggested.map(num), boundStyles.suggested(colour)));
    }
    rows.forEach((y, i) => {
      if (!y) return;
      const parts = [`${text.lower} ${money(lower[i]!, v.unit, scale, lang)}`];
      if (upper[i]) parts.push(`${text.upper} ${money(upper[i]!, v.unit, scale, lang)}`, `${text.suggested} ${money(suggested[i]!, v.unit, scale, lang)}`);
      const html = parts.map(escapeHtml);
      if (upper[i]?.lt(lower[i]!)) html.push(`<b style="color:${GAP_COLOUR}">${escapeHtml(text.gap)}</b>`);
      tips.get(y.year)!.push(`<span style="color:${colour}">●</span> ${escapeHtml(label)}: ${html.join(' · ')}`);
    });
  });

  offers.forEach((o) => {
    const colour = OFFER_COLOURS[o.fromSide] ?? '#64748b';
    const rows = at(o.years, (y) => y.year);
    const label = text.offerLabel(o);
    series.push(
      lineSeries(
        label,
        colour,
        rows.map((y) => (y ? toChartNumber(new D(y.offered), o.unit, scale) : null)),
        {
          symbol: 'diamond',
          symbolSize: 7,
          lineStyle: { color: colour, width: 2.5 },
          itemStyle: { color: colour },
        },
      ),
    );
    rows.forEach((y) => {
      if (y) tips.get(y.year)!.push(`<span style="color:${colour}">◆</span> ${escapeHtml(label)}: ${escapeHtml(money(y.offered, o.unit, scale, lang))}`);
    });
  });

  const joined = new Map([...tips].filter(([, lines]) => lines.length > 0).map(([year, lines]) => [year, lines.join('<br/>')]));
  return zoneChartFrame({ years, tips: joined, axis: text.axis, series });
}
