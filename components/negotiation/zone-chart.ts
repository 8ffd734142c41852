import { D, ZERO, type Dec } from '@/lib/engine/decimal';
import { suggestedAt } from '@/lib/engine/negotiation';
import type { AppLocale } from '@/lib/domain/locale';
import type { ZoneOffer } from '@/lib/contracts/negotiation';
import type { EChartOption } from '@/components/ui/echart';
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

type LineSeries = Extract<NonNullable<EChartOption['series']>, readonly unknown[]>[number];

/**
 * The bargaining zone as ECharts option: per version its lower bound (solid), upper bound
 * (dashed), the zone between them shaded in the version's colour, a no-deal gap (lower > upper)
 * in red, the Nash suggestion at weight w (dotted); each offer as a line of diamonds.
 */
export function zoneChartOption(versions: ZoneVersionDto[], offers: ZoneOffer[], w: Dec, scale: DisplayScale, lang: AppLocale, text: ZoneChartText): EChartOption {
  const years = [...new Set([...versions.flatMap((v) => v.years.map((y) => y.year)), ...offers.flatMap((o) => o.years.map((y) => y.year))])].sort((a, b) => a - b);
  const at = <T,>(rows: T[], yearOf: (r: T) => number) => {
    const map = new Map(rows.map((r) => [yearOf(r), r]));
    return years.map((year) => map.get(year));
  };
  const series: LineSeries[] = [];
  // Tooltip lines per year, from the decimals (not from the chart's numbers).
  const tips = new Map<number, string[]>(years.map((y) => [y, []]));
  const line = (name: string, colour: string, data: (number | null)[], style: Partial<LineSeries> = {}): LineSeries =>
    ({ type: 'line', name, data, step: 'middle', symbol: 'none', connectNulls: false, color: colour, lineStyle: { color: colour, width: 2 }, emphasis: { disabled: true }, ...style }) as LineSeries;

  versions.forEach((v, index) => {
    const colour = VERSION_COLOURS[index % VERSION_COLOURS.length]!;
    const label = text.versionLabel(v);
    const rows = at(v.years, (y) => y.year);
    const num = (value: Dec | null) => toChartNumber(value, v.unit, scale);
    const lower = rows.map((y) => (y ? new D(y.lowerBound) : null));
    const upper = rows.map((y) => (y && y.upperBound !== null ? new D(y.upperBound) : null));
    const suggested = rows.map((y) => (y ? suggestedAt(y, w) : null));
    const hasUpper = upper.some((u) => u !== null);
    if (hasUpper) {
      const stack = `band-${v.id}`;
      const band = { stack, stackStrategy: 'all', silent: true, tooltip: { show: false }, lineStyle: { opacity: 0 } } as const;
      series.push(line(`${label} base`, colour, lower.map((l, i) => (l && upper[i] ? num(l.lt(upper[i]!) ? l : upper[i]!) : null)), band));
      series.push(line(`${label} ${text.zone}`, colour, lower.map((l, i) => (l && upper[i] ? num(D.max(upper[i]!.minus(l), ZERO)) : null)), { ...band, areaStyle: { color: colour, opacity: 0.16 } }));
      series.push(line(`${label} ${text.gap}`, GAP_COLOUR, lower.map((l, i) => (l && upper[i] ? num(D.max(l.minus(upper[i]!), ZERO)) : null)), { ...band, areaStyle: { color: GAP_COLOUR, opacity: 0.4 } }));
    }
    series.push(line(`${label} · ${text.lower}`, colour, lower.map(num)));
    if (hasUpper) {
      series.push(line(`${label} · ${text.upper}`, colour, upper.map(num), { lineStyle: { color: colour, width: 2, type: 'dashed' } }));
      series.push(line(`${label} · ${text.suggested}`, colour, suggested.map(num), { lineStyle: { color: colour, width: 1.5, type: 'dotted' } }));
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
      line(label, colour, rows.map((y) => (y ? toChartNumber(new D(y.offered), o.unit, scale) : null)), {
        symbol: 'diamond',
        symbolSize: 7,
        lineStyle: { color: colour, width: 2.5 },
        itemStyle: { color: colour },
      }),
    );
    rows.forEach((y) => {
      if (y) tips.get(y.year)!.push(`<span style="color:${colour}">◆</span> ${escapeHtml(label)}: ${escapeHtml(money(y.offered, o.unit, scale, lang))}`);
    });
  });

  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { axisValue?: string | number } | undefined) : undefined;
        const year = Number(first?.axisValue);
        const lines = tips.get(year) ?? [];
        return lines.length ? `<b>${year}</b><br/>${lines.join('<br/>')}` : '';
      },
    },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: text.axis, nameTextStyle: { align: 'left' }, splitLine: { lineStyle: { color: '#e2e8f0' } } },
    series,
  };
}
