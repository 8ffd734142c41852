'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { EChart, type EChartOption } from '@/components/ui/echart';
import { Slider } from '@/components/ui/input';
import { GAP_COLOUR } from './format';
import type { WeightState } from './weight';

/** How a chart's card names its slider and chart for the page and its tests. */
export interface ZoneCardIds {
  /** The slider's element id (its label and hint hang on it). */
  slider: string;
  sliderTestId: string;
  valueTestId: string;
  chartTestId: string;
}

/** One entry of the chart's key: the line's mark and name, in the line's colour when it has its own. */
export interface LegendLine {
  text: string;
  colour?: string;
}

/**
 * The card both negotiation views draw a zone in: the Nash weight slider with its value, a way
 * back to the weight the view opened with and the hint; notes on what the chart lacks; the chart;
 * and its key (lower solid, upper dashed, suggestion dotted, the zone and the no-deal gap shaded).
 * `beforeKey` and `extraKey` are what only one view has (the versions' colours, the offers).
 */
export function ZoneChartCard({
  ids,
  weight,
  resetLabel,
  notes,
  option,
  height,
  chartLabel,
  lower,
  upper,
  gapNote,
  beforeKey,
  extraKey,
}: {
  ids: ZoneCardIds;
  weight: WeightState;
  resetLabel: string;
  notes?: ReactNode;
  option: EChartOption;
  height: number;
  chartLabel: string;
  lower: LegendLine;
  upper: LegendLine;
  gapNote?: ReactNode;
  beforeKey?: ReactNode;
  extraKey?: ReactNode;
}) {
  const t = useTranslations('negotiation');
  const hint = `${ids.slider}-hint`;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label htmlFor={ids.slider} className="font-medium">
          {t('weight.label')}
        </label>
        <Slider id={ids.slider} min="0" max="1" step="0.05" value={weight.value} onChange={(e) => weight.set(e.target.value)} aria-describedby={hint} testId={ids.sliderTestId} />
        <output htmlFor={ids.slider} className="num w-12 font-semibold text-water-900" data-testid={ids.valueTestId}>
          {weight.value}
        </output>
        {weight.value !== weight.start && (
          <Button intent="link" size="xs" onClick={() => weight.set(weight.start)}>
            {resetLabel}
          </Button>
        )}
      </div>
      <p id={hint} className="mt-1 text-xs text-slate-600">
        {t('weight.hint')}
      </p>
      {notes}
      <div className="mt-3">
        <EChart option={option} height={height} label={chartLabel} testId={ids.chartTestId} />
      </div>
      {beforeKey}
      <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <span style={lower.colour ? { color: lower.colour } : undefined}>━ {lower.text}</span>
        <span style={upper.colour ? { color: upper.colour } : undefined}>┅ {upper.text}</span>
        <span>┈ {t('chart.suggestedAt', { weight: weight.value })}</span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-4 rounded-sm bg-water-600/20" aria-hidden /> {t('chart.zone')}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-4 rounded-sm" style={{ background: `${GAP_COLOUR}66` }} aria-hidden /> {t('chart.gap')}
          {gapNote}
        </span>
        {extraKey}
      </p>
    </div>
  );
}
