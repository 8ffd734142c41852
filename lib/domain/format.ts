import Decimal from 'decimal.js';
import type { AppLocale } from './locale';

/** Chinese readers count large sums in 万 (10⁴) and 亿 (10⁸); English readers in plain yuan. */
export type AmountScale = 'yuan' | 'wan' | 'yi';

const scaleDivisor: Record<AmountScale, Decimal> = { yuan: new Decimal(1), wan: new Decimal(10_000), yi: new Decimal(100_000_000) };
const scaleSuffix: Record<AmountScale, Record<AppLocale, string>> = {
  yuan: { zh: '元', en: 'CNY' },
  wan: { zh: '万元', en: '× 10⁴ CNY' },
  yi: { zh: '亿元', en: '× 10⁸ CNY' },
};

const intlLocale: Record<AppLocale, string> = { zh: 'zh-CN', en: 'en-US' };

/**
 * Formats an amount held as a decimal string in `unit` × CNY (a scenario's unit, e.g. 1000) for
 * display in `scale`. The digits never pass through a JavaScript number: Intl formats the decimal
 * string exactly.
 */
export function formatAmount(
  value: string | Decimal,
  locale: AppLocale,
  options: { unit?: number | string; scale?: AmountScale; fractionDigits?: number; withSuffix?: boolean } = {},
): string {
  const scale = options.scale ?? 'yuan';
  const inYuan = new Decimal(value).times(options.unit ?? 1);
  const scaled = inYuan.dividedBy(scaleDivisor[scale]).toDecimalPlaces(options.fractionDigits ?? (scale === 'yuan' ? 0 : 2));
  const formatter = new Intl.NumberFormat(intlLocale[locale], {
    minimumFractionDigits: options.fractionDigits ?? (scale === 'yuan' ? 0 : 2),
    maximumFractionDigits: options.fractionDigits ?? (scale === 'yuan' ? 0 : 2),
  });
  // Intl.NumberFormat reads a numeric string as an exact decimal (ECMA-402 NumberFormat v3).
  const digits = formatter.format(scaled.toFixed() as unknown as number);
  return options.withSuffix === false ? digits : `${digits} ${scaleSuffix[scale][locale]}`;
}

export function formatDateTime(value: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(value);
}
