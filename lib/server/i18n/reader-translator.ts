import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { AppLocale } from '@/lib/domain/locale';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

const catalogues = { en, zh } as const;

/**
 * The catalogue in a reader's language for what the server writes outside a page (exports,
 * files): next-intl's translator over messages/{locale}.json, as the pages use it.
 */
export function readerTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: catalogues[locale], timeZone: 'Asia/Shanghai' });
}

/** A key's text when the catalogue has it, else the code as it is (a value no label exists for). */
export function labelOr(translate: ReturnType<typeof readerTranslator>, key: string, code: string): string {
  const loose = translate as unknown as { has(key: string): boolean; (key: string): string };
  return loose.has(key) ? loose(key) : code;
}
