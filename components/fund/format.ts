import Decimal from 'decimal.js';
import { formatAmount } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';

/** Display helpers of the fund's pages: decimal strings in, text out (no JavaScript numbers). */

/** Whole currency to the fen, grouped: "1,234,567.89". */
export function yuan(value: string | null | undefined, lang: AppLocale): string {
  return value === null || value === undefined ? '—' : formatAmount(value, lang, { fractionDigits: 2, withSuffix: false });
}

/** A large sum in the reader's habit: 亿元 / 万元 in Chinese, CNY in English, with its suffix. */
export function bigMoney(value: string, lang: AppLocale): string {
  const magnitude = new Decimal(value).abs();
  if (lang === 'zh') return formatAmount(value, lang, { scale: magnitude.greaterThanOrEqualTo(1e8) ? 'yi' : 'wan', fractionDigits: 2 });
  return formatAmount(value, lang, { fractionDigits: 0 });
}

export function isNegative(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && new Decimal(value).isNegative();
}

export function isZero(value: string | null | undefined): boolean {
  return value === null || value === undefined || new Decimal(value).isZero();
}

/** The magnitude of a signed amount, for "refund 1,000.00" rather than "-1,000.00". */
export function magnitude(value: string): string {
  return new Decimal(value).abs().toFixed(2);
}

/**
 * A chart coordinate. ECharts draws JavaScript numbers; this is the last step, after every sum was
 * done in decimal, and the tables next to the charts show the exact amounts.
 */
export function chartNumber(value: string | null): number | null {
  return value === null ? null : new Decimal(value).toNumber();
}

/** An organisation named by the signed terms, in the reader's language (the other language, then its id, when the terms give no such name). */
export function organisationLabel(party: { id: string | null; name: string | null; nameZh: string | null }, lang: AppLocale): string {
  return (lang === 'zh' ? party.nameZh : party.name) ?? party.nameZh ?? party.name ?? party.id ?? '';
}
