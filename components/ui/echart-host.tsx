'use client';

import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { CHART_FONT, type EChartOption } from './echart';

// Only what the platform's charts use: line and bar series, grid, legend, tooltip, mark lines;
// SVG output (crisp at any zoom, text selectable, CJK through the page's fonts).
registerParts([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/**
 * The ECharts instance behind components/ui/echart.tsx: initialises on a div filling its box,
 * applies the option whenever it changes (replacing, not merging, so removed series disappear),
 * follows the container's size, disposes on unmount.
 */
export function EChartHost({ option }: { option: EChartOption }) {
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

  return <div ref={host} style={{ height: '100%', width: '100%' }} />;
}
