import { ZERO, type Dec } from '@/lib/engine/decimal';
import type { AmountScale } from '@/lib/domain/format';
import type { ZoneVersion } from '@/lib/contracts/negotiation';

/**
 * Display helpers of the bargaining-zone view: the scale amounts are shown in and chart
 * coordinates. The arithmetic (Nash split, zone rows, fairness shares) is lib/engine/negotiation.ts;
 * numbers leave decimal only in `toChartNumber`.
 */

export type ZoneVersionDto = ZoneVersion;

const scaleDivisor: Record<AmountScale, number> = { yuan: 1, thousand: 1e3, wan: 1e4, yi: 1e8 };

/** 亿 when the largest amount reaches 10 亿 (one billion), else 万: the numbers stay short. */
export function chooseScale(amounts: { value: Dec; unit: number }[]): Extract<AmountScale, 'wan' | 'yi'> {
  const largest = amounts.reduce((max, a) => {
    const yuan = a.value.abs().times(a.unit);
    return yuan.gt(max) ? yuan : max;
  }, ZERO);
  return largest.gte(1e9) ? 'yi' : 'wan';
}

/**
 * The one place a model value becomes a JavaScript number: a chart coordinate in the display
 * scale (ECharts draws numbers). Tables and tooltips print the decimals themselves.
 */
export function toChartNumber(value: Dec | null, unit: number, scale: AmountScale): number | null {
  if (value === null) return null;
  return value.times(unit).div(scaleDivisor[scale]).toDecimalPlaces(6).toNumber();
}
