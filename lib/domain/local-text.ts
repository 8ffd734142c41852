// Messages the server sends back (refusals, problems, errors) in the reader's language. A use case
// or a domain check names a message by its key in lib/domain/text-catalogue.ts with its values;
// the English text is made at once (logs, the CLI and tests read it), and the API renders the
// message again in the language the request asks for (docs/decisions/0020-server-messages-in-both-languages.md).
import { IntlMessageFormat } from 'intl-messageformat';
import type { z } from 'zod';
import type { AppLocale } from './locale';
import { textCatalogue, type TextKey } from './text-catalogue';

/** Messages in a list, separated by semicolons (a list of names is a plain array). */
export interface Lines {
  readonly lines: readonly (string | LocalText)[];
}

export type TextValue = string | number | LocalText | Lines | readonly (string | LocalText)[];

export interface LocalText {
  readonly key: TextKey;
  readonly values: Readonly<Record<string, TextValue>>;
}

export function text(key: TextKey, values: Record<string, TextValue> = {}): LocalText {
  return { key, values };
}

export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(textCatalogue, key);
}

// A list of names reads "a, b" in English and "a、b" in Chinese; a list of messages "a; b" and "a；b".
const nameSeparator: Record<AppLocale, string> = { en: ', ', zh: '、' };
const lineSeparator: Record<AppLocale, string> = { en: '; ', zh: '；' };

const compiled = new Map<string, IntlMessageFormat>();

function formatFor(key: TextKey, locale: AppLocale): IntlMessageFormat {
  const id = `${locale}:${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(textCatalogue[key][locale], locale === 'zh' ? 'zh-CN' : 'en');
    compiled.set(id, format);
  }
  return format;
}

function renderValue(name: string, value: TextValue, locale: AppLocale): string | number {
  const each = (items: readonly (string | LocalText)[]) => items.map((item) => (typeof item === 'string' ? item : render(item, locale)));
  if (Array.isArray(value)) return each(value).join(nameSeparator[locale]);
  if (typeof value === 'object' && 'lines' in value) return each((value as Lines).lines).join(lineSeparator[locale]);
  if (typeof value === 'object') return render(value as LocalText, locale);
  // Only a count is formatted as a number (for plurals): years, amounts and ids stay as written, so 2024 is never "2,024".
  return name === 'count' && typeof value === 'number' ? value : String(value);
}

export function render(message: LocalText, locale: AppLocale): string {
  const values = Object.fromEntries(Object.entries(message.values).map(([name, value]) => [name, renderValue(name, value, locale)]));
  return String(formatFor(message.key, locale).format(values));
}

export const inEnglish = (message: LocalText): string => render(message, 'en');

// A zod schema's messages are made in the language of the parse that asks for them (safeParseIn);
// anywhere else they are English. zod makes them when a failed parse's `error` is first read, not
// while it parses, so safeParseIn reads it at once: the language holds for exactly that synchronous
// call and no other request's can interleave. (An AsyncLocalStorage around the request missed a
// page's messages, read when the page rendered them.)
let parseLanguage: AppLocale = 'en';

/**
 * Runs a synchronous parse (or anything that reads a failed parse's messages before it returns,
 * such as react-hook-form's zodResolver in its sync mode) with the schemas' messages in this language.
 */
export function parsingIn<R>(locale: AppLocale, run: () => R): R {
  const outer = parseLanguage;
  parseLanguage = locale;
  try {
    return run();
  } finally {
    parseLanguage = outer;
  }
}

/** schema.safeParse with the messages of a failure in this language. */
export function safeParseIn<T extends z.ZodType>(locale: AppLocale, schema: T, value: unknown, params?: z.core.ParseContext<z.core.$ZodIssue>): z.ZodSafeParseResult<z.output<T>> {
  return parsingIn(locale, () => {
    const parsed = schema.safeParse(value, params);
    if (!parsed.success) void parsed.error.issues;
    return parsed;
  });
}

/** A message in the language of the parse under way (English outside one): for a zod issue made by hand. */
export function inParseLanguage(message: LocalText): string {
  return render(message, parseLanguage);
}

/** A message for a zod schema: `z.int(say('mustBeWholeYear'))`, `.refine(check, { path, ...say('…') })`. */
export function say(key: TextKey, values: Record<string, TextValue> = {}): { error: () => string } {
  const message = text(key, values);
  return { error: () => inParseLanguage(message) };
}

/** A problem with one field of the input: `field` names it for machines, `message` says it in English. */
export interface Problem {
  field: string;
  message: string;
  /** The message in either language; without it the English message is all there is. */
  text?: LocalText;
  /** Where the problem is, for readers ("row 3, column C"), when `field` is not an input's name. */
  at?: LocalText;
}

/** Why a single value was refused, in English and in either language. */
export interface Refusal {
  message: string;
  text: LocalText;
}

export function refusal(message: LocalText): Refusal {
  return { message: inEnglish(message), text: message };
}

export function problem(field: string, message: LocalText, at?: LocalText): Problem {
  return { field, message: inEnglish(message), text: message, ...(at ? { at } : {}) };
}

export function problemIn(item: Problem, locale: AppLocale): { field: string; message: string } {
  return { field: item.at ? render(item.at, locale) : item.field, message: item.text ? render(item.text, locale) : item.message };
}

/** "field: message" for each problem, to list them inside another message's {problems}. */
export function problemLines(items: readonly Problem[]): Lines {
  return { lines: items.map((item) => text('problemLine', { field: item.at ?? item.field, message: item.text ?? item.message })) };
}

/** Just the messages, to list them inside another message. */
export function problemMessages(items: readonly Problem[]): Lines {
  return { lines: items.map((item) => item.text ?? item.message) };
}
