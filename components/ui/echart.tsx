'use client';

import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';

export type EChartOption = ComposeOption<LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption>;

/** The page's font stack, so Chinese labels render in the same face as the rest of the UI. */
export const CHART_FONT = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";

export interface EChartProps {
  option: EChartOption;
  /** CSS height of the chart (the width follows the container). */
  height?: number | string;
  /** What the chart shows, for screen readers; the numbers are in the table next to it. */
  label: string;
  className?: string;
  testId?: string;
}

// ECharts is about 190 KB of compressed JavaScript, more than a whole page may load
// (docs/decisions/0065-page-weight.md): its own chunk, fetched when a chart first comes into view.
const EChartHost = dynamic(() => import('./echart-host').then((m) => m.EChartHost), { ssr: false });

/** A chart that reserves its space at once and draws when it is scrolled into view. */
export function EChart({ option, height = 360, label, className, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element || shown) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setShown(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);

  return (
    <div ref={box} role="img" aria-label={label} className={className} style={{ height, width: '100%' }} data-testid={testId}>
      {shown && <EChartHost option={option} />}
    </div>
  );
}
