import { D, type Dec } from '@/lib/engine/decimal';

/** "1234567.5" → "1,234,567.5" without going through a JS number (display of a cell that is not being edited). */
export function groupDigits(text: string, separator = ','): string {
  const m = /^([+-]?)(\d+)(\.\d*)?$/.exec(text.trim());
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, separator)}${m[3] ?? ''}`;
}

/** Price per m³ in whole currency, 2 to 4 decimals (Intl reads the decimal string exactly). */
export function formatPrice(value: Dec | string, locale: 'zh' | 'en'): string {
  const rounded = new D(value).toDecimalPlaces(4);
  const formatter = priceFormatters[locale];
  return formatter.format(rounded.toFixed() as unknown as number);
}

const priceFormatters = {
  zh: new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 }),
};

/** Known units with a word of their own (else "unit × currency"). */
export const NAMED_UNITS = ['1', '1000', '10000', '1000000', '100000000'] as const;
