import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { AppLocale } from '@/lib/domain/locale';
import { catalogueValues, codeAsText } from '@/lib/domain/text-catalogue';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

const catalogues = { en, zh } as const;

type Translator = ReturnType<typeof createTranslator<(typeof catalogues)['en']>>;
type Markup = (key: string, values: Record<string, string | number | Date | ((chunks: string) => string)>) => string;

/**
 * The catalogue in a reader's language for what the server writes outside a page (exports,
 * files): next-intl's translator over messages/{locale}.json, as the pages use it. A file is plain
 * text, so code marked <code>…</code> in a message is written in backticks (codeAsText).
 */
export function readerTranslator(locale: AppLocale): Translator {
  const translate = createTranslator({ locale, messages: catalogues[locale] as (typeof catalogues)['en'], timeZone: 'Asia/Shanghai' });
  const markup = translate.markup as unknown as Markup;
  const plain = (key: string, values?: Record<string, string | number | Date>) => markup(key, { ...catalogueValues, ...values, ...codeAsText });
  return Object.assign(plain, { rich: translate.rich, markup: translate.markup, raw: translate.raw, has: translate.has }) as unknown as Translator;
}

/** A key's text when the catalogue has it, else the code as it is (a value no label exists for). */
export function labelOr(translate: ReturnType<typeof readerTranslator>, key: string, code: string): string {
  const loose = translate as unknown as { has(key: string): boolean; (key: string): string };
  return loose.has(key) ? loose(key) : code;
}
