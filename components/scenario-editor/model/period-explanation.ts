import type { Dec } from '@/lib/engine/decimal';
import type { Result } from '@/lib/engine/compute';
import { message, type Message } from '@/lib/engine/problem';

export type PeriodField = 'lowerBound' | 'upperBound' | 'payment' | 'pricePerM3';

export interface PeriodExplanation {
  formula: Message;
  substituted: Message;
  value: string;
  years: { year: number; value: string | null }[];
}

/** The paper's symbol of a period figure, or its name as a code where the paper has none. */
const PERIOD_SYMBOL: Record<PeriodField, string | Message> = {
  lowerBound: 'A_PES',
  upperBound: 'U',
  payment: message('engine.trace.symbol.payment'),
  pricePerM3: message('engine.trace.symbol.price'),
};

/** Why a period figure is what it is: the annual average of the years (null if a year has none). */
export function explainPeriod(result: Result, periodIndex: number, field: PeriodField): PeriodExplanation | null {
  const p = result.periods[periodIndex];
  if (!p) return null;
  const years = result.years.filter((y) => y.year >= p.from && y.year <= p.to).map((y) => ({ year: y.year, value: y[field] }));
  const value = p[field];
  const show = (v: Dec) => v.toSignificantDigits(15).toString();
  const terms = years.map((y) => (y.value === null ? 'null' : show(y.value)));
  const symbol = PERIOD_SYMBOL[field];
  return {
    formula: message('engine.trace.periodAverage', { symbol, from: p.from, to: p.to, count: years.length }),
    substituted:
      value === null
        ? message('engine.trace.periodIncomplete', { symbol, from: p.from, to: p.to })
        : message('engine.trace.math', { math: `(${terms.join(' + ')}) / ${years.length} = ${show(value)}` }),
    value: value === null ? 'null' : value.isZero() ? '0' : value.toString(),
    years: years.map((y) => ({ year: y.year, value: y.value === null ? null : y.value.isZero() ? '0' : y.value.toString() })),
  };
}
