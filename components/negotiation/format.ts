import type { Dec } from '@/lib/engine/decimal';
import { formatAmount, type ReaderUnit } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';
import { versionLabel } from '@/lib/domain/version-label';

/** Display helpers of the negotiation views: decimals in, text out (no JavaScript numbers). */

/** The unit amounts are shown in: the reader's (decision 0050). */
export type DisplayScale = ReaderUnit;

/** An amount in `unit` × currency, shown in the display scale without suffix (the heading says it). */
export function money(value: Dec | string | null, unit: number, scale: DisplayScale, lang: AppLocale): string {
  return value === null ? '—' : formatAmount(value, lang, { unit, scale, withSuffix: false });
}

/** A signed amount: "+1.23" / "−1.23". */
export function signedMoney(value: Dec | null, unit: number, scale: DisplayScale, lang: AppLocale): string {
  if (value === null) return '—';
  const text = money(value.abs(), unit, scale, lang);
  return value.isZero() || /^[0.,\s]+$/.test(text) ? text : `${value.isNegative() ? '−' : '+'}${text}`;
}

/** Whole currency per m³, four places. */
export function price(value: Dec | string | null, lang: AppLocale): string {
  return value === null ? '—' : formatAmount(value, lang, { fractionDigits: 4, withSuffix: false });
}

/** A fraction as a percentage with one place: 0.1234 → "12.3 %". */
export function percent(value: Dec | null, lang: AppLocale, digits = 1): string {
  return value === null ? '—' : `${formatAmount(value.times(100), lang, { fractionDigits: digits, withSuffix: false })} %`;
}

/** A relative change as "+10 %", "−20 %", "0 %". */
export function signedPercent(value: Dec, lang: AppLocale, digits = 0): string {
  const text = percent(value.abs(), lang, digits);
  return value.isZero() ? text : `${value.isNegative() ? '−' : '+'}${text}`;
}

/** A version as the negotiation views name it: `Scenario · v3`. */
/** How the zone's tables, chart and pickers name a version, in the reader's language. */
export const versionLabelIn =
  (lang: AppLocale) =>
  (v: { scenario: string; number: number }): string =>
    versionLabel(v.scenario, v.number, lang);

/** Escapes text for ECharts' HTML tooltips (scenario names are user input). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const VERSION_COLOURS = ['#1f6f94', '#b45309', '#7c3aed', '#047857', '#be185d', '#475569'] as const;
export const OFFER_COLOURS = { UPSTREAM: '#c2410c', DOWNSTREAM: '#4338ca', FUND: '#0f766e', OBSERVER: '#64748b' } as const;
export const GAP_COLOUR = '#dc2626';
