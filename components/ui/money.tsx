'use client';

import type Decimal from 'decimal.js';
import { useLocale } from 'next-intl';
import { formatMoney, type AmountScale } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';

/** An amount with its unit and, where it leaves its table, its price base: "1,234.50 万元（2015 年价）". */
export function Money({
  value,
  unit,
  scale,
  fractionDigits,
  priceBase,
  className,
  testId,
}: {
  value: string | Decimal | null | undefined;
  unit?: number | string;
  scale?: AmountScale;
  fractionDigits?: number;
  priceBase?: string | null;
  className?: string;
  testId?: string;
}) {
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  return (
    <span className={`num ${className ?? ''}`} data-testid={testId}>
      {value === null || value === undefined ? '—' : formatMoney(value, lang, { unit, scale, fractionDigits, priceBase })}
    </span>
  );
}
