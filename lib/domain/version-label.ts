import type { AppLocale } from './locale';

/**
 * A version as a reader names it: "第 3 版" in Chinese, "v3" in English, and after its scenario's
 * name ("表 2 成本 · 第 3 版"). One spelling for every page, picker and message, so a Chinese page
 * never shows the English mark.
 */
export function versionMark(number: number, locale: AppLocale): string {
  return locale === 'zh' ? `第 ${number} 版` : `v${number}`;
}

export function versionLabel(scenario: string, number: number, locale: AppLocale): string {
  return `${scenario} · ${versionMark(number, locale)}`;
}
