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
  const digits = groupDigits(scaled.toFixed(options.fractionDigits ?? (scale === 'yuan' ? 0 : 2)), locale);
  return options.withSuffix === false ? digits : `${digits} ${scaleSuffix[scale][locale]}`;
}

/**
 * The platform's one digit grouping: a decimal string with its thousands grouped as the reader's
 * language writes them, every digit kept ("1234567.50" → "1,234,567.50"); a text that is not a
 * decimal comes back as it is. Intl.NumberFormat reads a numeric string as an exact decimal
 * (ECMA-402 NumberFormat v3), so no digit passes through a binary double.
 */
export function groupDigits(value: string, locale: AppLocale): string {
  const match = /^[+-]?\d+(?:\.(\d*))?$/.exec(value.trim());
  if (!match) return value;
  const places = Math.min(match[1]?.length ?? 0, 100);
  const formatter = new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: places, maximumFractionDigits: places });
  return formatter.format(value.trim() as unknown as number);
}

/**
 * An amount as a reader must see it, with its unit and its price base:
 * "1,234.50 万元（2015 年价）", "12,345,000 CNY (2015 prices)". Amounts of different price bases are
 * not comparable, so a figure that leaves its table says which it is in.
 */
export function formatMoney(
  value: string | Decimal,
  locale: AppLocale,
  options: { unit?: number | string; scale?: AmountScale; fractionDigits?: number; priceBase?: string | null } = {},
): string {
  const amount = formatAmount(value, locale, options);
  if (!options.priceBase?.trim()) return amount;
  return locale === 'zh' ? `${amount}（${options.priceBase.trim()}）` : `${amount} (${options.priceBase.trim()})`;
}

export function formatDateTime(value: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(value);
}
