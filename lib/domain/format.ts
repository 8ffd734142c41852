import Decimal from 'decimal.js';
import type { AppLocale } from './locale';

/** The units a reader may choose to see every amount in (their profile's amountUnit): 千元, 万元, 亿元. */
export const readerUnits = ['thousand', 'wan', 'yi'] as const;
export type ReaderUnit = (typeof readerUnits)[number];
export const defaultReaderUnit: ReaderUnit = 'wan';

export function isReaderUnit(value: unknown): value is ReaderUnit {
  return typeof value === 'string' && (readerUnits as readonly string[]).includes(value);
}

/** A reader's unit, or plain yuan where a sum is shown to the fen (payments, a ledger's lines). */
export type AmountScale = 'yuan' | ReaderUnit;

const scaleDivisor: Record<AmountScale, Decimal> = { yuan: new Decimal(1), thousand: new Decimal(1000), wan: new Decimal(10_000), yi: new Decimal(100_000_000) };
const scaleSuffix: Record<AmountScale, Record<AppLocale, string>> = {
  yuan: { zh: '元', en: 'yuan' },
  thousand: { zh: '千元', en: 'thousand yuan' },
  wan: { zh: '万元', en: 'ten thousand yuan' },
  yi: { zh: '亿元', en: 'hundred million yuan' },
};

/** An amount typed in a reader's unit as an amount in `unit` × CNY (a scenario's unit): decimal, exact. */
export function amountInUnit(value: string | Decimal, scale: AmountScale, unit: number | string): Decimal {
  return new Decimal(value).times(scaleDivisor[scale]).dividedBy(unit);
}

/** The word of a unit alone, for a column heading: "万元", "ten thousand yuan". */
export function amountUnitWord(scale: AmountScale, locale: AppLocale): string {
  return scaleSuffix[scale][locale];
}

const intlLocale: Record<AppLocale, string> = { zh: 'zh-CN', en: 'en-US' };

/**
 * Formats an amount held as a decimal string in `unit` × CNY (a scenario's unit, e.g. 1000) for
 * display in `scale`. The digits never pass through a JavaScript number: Intl formats the decimal
 * string exactly.
 */
export function formatAmount(value: string | Decimal, locale: AppLocale, options: { unit?: number | string; scale?: AmountScale; fractionDigits?: number; withSuffix?: boolean } = {}): string {
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
  return digitGrouping(locale, places).format(value.trim() as unknown as number);
}

// Building an Intl.NumberFormat costs far more than formatting with one: a version page formats
// thousands of cells, and making a formatter per cell was an eighth of its server time
// (docs/decisions/0076-where-request-time-goes.md). Two locales × at most 101 places.
const digitGroupings = new Map<string, Intl.NumberFormat>();

function digitGrouping(locale: AppLocale, places: number): Intl.NumberFormat {
  const id = `${locale}:${places}`;
  let formatter = digitGroupings.get(id);
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: places, maximumFractionDigits: places });
    digitGroupings.set(id, formatter);
  }
  return formatter;
}

/**
 * An amount as a reader must see it, with its unit and its price base:
 * "1,234.50 万元（2015 年价）", "12,345,000 CNY (2015 prices)". Amounts of different price bases are
 * not comparable, so a figure that leaves its table says which it is in.
 */
export function formatMoney(value: string | Decimal, locale: AppLocale, options: { unit?: number | string; scale?: AmountScale; fractionDigits?: number; priceBase?: string | null } = {}): string {
  const amount = formatAmount(value, locale, options);
  if (!options.priceBase?.trim()) return amount;
  return locale === 'zh' ? `${amount}（${options.priceBase.trim()}）` : `${amount} (${options.priceBase.trim()})`;
}

/** Every date and time a reader sees is Beijing time, whatever the server's or browser's zone. */
export const readerTimeZone = 'Asia/Shanghai';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: AppLocale, withSeconds: boolean): Intl.DateTimeFormat {
  const id = `${locale}:${withSeconds}`;
  let format = dateTimeFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: withSeconds ? 'medium' : 'short', timeZone: readerTimeZone, hourCycle: 'h23' });
    dateTimeFormats.set(id, format);
  }
  return format;
}

/**
 * A moment in Beijing time, in the reader's language: "2026年12月2日 21:05" / "Dec 2, 2026, 21:05";
 * `numeric` for a document read in both languages at once: "2026-12-02 21:05:09". Accepts an ISO string.
 */
export function formatDateTime(value: Date | string, locale: AppLocale, options: { seconds?: boolean; numeric?: boolean } = {}): string {
  const moment = typeof value === 'string' ? new Date(value) : value;
  if (options.numeric) {
    const parts = Object.fromEntries(numericFormat.formatToParts(moment).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  }
  return dateTimeFormat(locale, options.seconds ?? false).format(moment);
}

const numericFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: readerTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The calendar day of a moment in Beijing time, as YYYY-MM-DD (file names, a day a record belongs to). */
export function beijingDay(value: Date): string {
  return beijingDayFormat.format(value);
}

const beijingDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: readerTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A lab value as a table shows it: as measured, except an agreed value computed from several
 * results (an average of three labs: 2.4533…), which is cut to four decimals and marked ≈.
 * The stored value, used in the settlement, keeps every digit.
 */
export function formatMeasurement(value: string): string {
  if (!/^-?\d+\.\d{5,}$/.test(value)) return value;
  return `≈${new Decimal(value).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed()}`;
}
