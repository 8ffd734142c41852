'use client';

import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerParts, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the platform's charts use: line and bar series, grid, legend, tooltip, mark lines;
// SVG output (crisp at any zoom, text selectable, CJK through the page's fonts).
registerParts([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

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

/**
 * A small ECharts host: initialises on a div, applies the option whenever it changes (replacing,
 * not merging, so removed series disappear), follows the container's size, disposes on unmount.
 */
export function EChart({ option, height = 360, label, className, testId }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT }, ...option }, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={host} role="img" aria-label={label} className={className} style={{ height, width: '100%' }} data-testid={testId} />;
}
