import type { Dec } from '@/lib/engine/decimal';
import type { Result } from '@/lib/engine/compute';

export type PeriodField = 'lowerBound' | 'upperBound' | 'payment' | 'pricePerM3';

export interface PeriodExplanation {
  formula: string;
  substituted: string;
  value: string;
  years: { year: number; value: string | null }[];
}

/** Why a period figure is what it is: the annual average of the years (null if a year has none). */
export function explainPeriod(result: Result, periodIndex: number, field: PeriodField): PeriodExplanation | null {
  const p = result.periods[periodIndex];
  if (!p) return null;
  const years = result.years.filter((y) => y.year >= p.from && y.year <= p.to).map((y) => ({ year: y.year, value: y[field] }));
  const value = p[field];
  const show = (v: Dec) => v.toSignificantDigits(15).toString();
  const terms = years.map((y) => (y.value === null ? 'null' : show(y.value)));
  return {
    formula: `${field}(${p.from}–${p.to}) = Σ_t ${field}(t) / ${years.length}  (annual average over the period)`,
    substituted:
      value === null
        ? `${field}(${p.from}–${p.to}) = null: not every year of the period has a value`
        : `(${terms.join(' + ')}) / ${years.length} = ${show(value)}`,
    value: value === null ? 'null' : value.isZero() ? '0' : value.toString(),
    years: years.map((y) => ({ year: y.year, value: y.value === null ? null : y.value.isZero() ? '0' : y.value.toString() })),
  };
}
