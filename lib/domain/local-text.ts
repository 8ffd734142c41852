// Messages the server sends back (refusals, problems, errors) in the reader's language. A use case
// or a domain check names a message by its key in the catalogue (messages/{en,zh}.json, the
// namespaces of lib/domain/text-catalogue.ts) with its values; the English text is made at once
// (logs, the CLI and tests read it), and the API renders the message again in the language the
// request asks for (docs/decisions/0020-server-messages-in-both-languages.md, 0032-one-catalogue.md).
import { issueText, type Message, type MessageParam } from '@/lib/engine/problem';
import type { AppLocale } from './locale';
import { textCatalogue, type TextCatalogue, type TextKey } from './text-catalogue';

export type { TextKey } from './text-catalogue';

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

// The catalogues this process can render with, by language. Kept on globalThis: Next bundles a
// module once per entry (instrumentation, each route), and one load of lib/domain/catalogue.ts
// must serve them all. The server loads both languages whole; a browser page only the
// namespaces its provider sent, in its reader's language.
const registry = Symbol.for('pes.textCatalogues');
type Registry = Map<AppLocale, { messages: Record<string, unknown>; catalogue: TextCatalogue }>;
const catalogues = ((globalThis as Record<symbol, unknown>)[registry] ??= new Map()) as Registry;

/** Lets this process render messages of `locale` from these namespaces (added to any it has). */
export function provideCatalogue(locale: AppLocale, messages: Readonly<Record<string, unknown>>): void {
  const known = catalogues.get(locale);
  if (known && Object.keys(messages).every((name) => name in known.messages)) return;
  const merged = { ...known?.messages, ...messages };
  catalogues.set(locale, { messages: merged, catalogue: textCatalogue(locale, merged) });
}

function catalogueFor(locale: AppLocale): TextCatalogue | undefined {
  return catalogues.get(locale)?.catalogue;
}

export function isTextKey(key: string): key is TextKey {
  for (const { catalogue } of catalogues.values()) if (catalogue.has(key)) return true;
  return false;
}

// A list of names reads "a, b" in English and "a、b" in Chinese; a list of messages "a; b" and "a；b".
const nameSeparator: Record<AppLocale, string> = { en: ', ', zh: '、' };
const lineSeparator: Record<AppLocale, string> = { en: '; ', zh: '；' };

function renderValue(name: string, value: TextValue, locale: AppLocale): string | number {
  const each = (items: readonly (string | LocalText)[]) => items.map((item) => (typeof item === 'string' ? item : render(item, locale)));
  if (Array.isArray(value)) return each(value).join(nameSeparator[locale]);
  if (typeof value === 'object' && 'lines' in value) return each((value as Lines).lines).join(lineSeparator[locale]);
  if (typeof value === 'object') return render(value as LocalText, locale);
  // Only a count is formatted as a number (for plurals): years, amounts and ids stay as written, so 2024 is never "2,024".
  return name === 'count' && typeof value === 'number' ? value : String(value);
}

export function render(message: LocalText, locale: AppLocale): string {
  const catalogue = catalogueFor(locale);
  if (!catalogue?.has(message.key)) {
    // The server and the CLI load the whole catalogue (lib/domain/catalogue.ts); a page's browser
    // code has the namespaces its provider sends, and a message outside them is a bug the
    // client-messages test names. Its key is better than nothing.
    if (typeof window === 'undefined') throw new Error(`no ${locale} message "${message.key}": import '@/lib/domain/catalogue' where the server starts`);
    return message.key;
  }
  const values = Object.fromEntries(Object.entries(message.values).map(([name, value]) => [name, renderValue(name, value, locale)]));
  return catalogue.format(message.key, values);
}

export const inEnglish = (message: LocalText): string => render(message, 'en');

/** An engine's message (lib/engine, lib/terms: a catalogue code with parameters) as a text to render. */
export function fromMessage(what: Message): LocalText {
  const each = (item: string | Message) => (typeof item === 'string' ? item : fromMessage(item));
  const values: Record<string, TextValue> = {};
  for (const [name, value] of Object.entries(what.params)) {
    values[name] = Array.isArray(value) ? (value as readonly (string | Message)[]).map(each) : typeof value === 'object' ? fromMessage(value as Message) : (value as string | number);
  }
  // A code the catalogue lacks is a bug the catalogue's tests catch; a reader still gets a sentence.
  return isTextKey(what.code) ? text(what.code, values) : text('engine.invalidValue');
}

/**
 * The API values a message names as code, each one of the list that defines them (checked by the
 * type): `codeNames(funders, { central: 'CENTRAL', … })`. The catalogue reads them as values,
 * never as its own text (decision 0106).
 */
export function codeNames<const L extends readonly string[], const N extends Record<string, L[number]>>(list: L, names: N): N {
  for (const value of Object.values(names)) if (!list.includes(value)) throw new Error(`${value} is not one of ${list.join(', ')}`);
  return names;
}

/** The values a schema's message may carry through zod: names, numbers and other messages. */
export type SayValue = string | number | LocalText | readonly (string | LocalText)[];

function toMessage(said: LocalText): Message {
  const each = (item: string | LocalText) => (typeof item === 'string' ? item : toMessage(item));
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(said.values as Record<string, SayValue>)) {
    params[name] = Array.isArray(value) ? (value as readonly (string | LocalText)[]).map(each) : typeof value === 'object' ? toMessage(value as LocalText) : (value as string | number);
  }
  return { code: said.key, params };
}

/**
 * A message for a zod schema: `z.int(say('mustBeWholeYear'))`, `.refine(check, { path, ...say('…') })`.
 * It travels through zod as a code (lib/engine/problem.ts issueText); schemaProblems reads it back
 * and the edge renders it in the reader's language.
 */
export function say(key: TextKey, values: Record<string, SayValue> = {}): { error: string } {
  return { error: issueText(toMessage(text(key, values))) };
}

/** The text of a zod issue made by hand: `ctx.issues.push({ code: 'custom', message: saying(text(…)) })`. */
export function saying(message: LocalText): string {
  return issueText(toMessage(message));
}

/** A problem with one field of the input: `field` names it for machines, `message` says it in English. */
export interface Problem {
  field: string;
  message: string;
  /** The message in either language; without it the English message is all there is. */
  text?: LocalText;
  /** Where the problem is, for readers ("row 3, column C"), when `field` is not an input's name. */
  at?: LocalText;
  /** The field by its label and place ("2014—2020 年的金额"), when `field` is an input's path. */
  label?: LocalText;
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

/** A problem in the reader's language: `field` for machines (or the cell, for a grid), `label` the field as readers know it. */
export interface ProblemIn {
  field: string;
  message: string;
  label?: string;
}

export function problemIn(item: Problem, locale: AppLocale): ProblemIn {
  return {
    field: item.at ? render(item.at, locale) : item.field,
    message: item.text ? render(item.text, locale) : item.message,
    ...(item.label ? { label: render(item.label, locale) } : {}),
  };
}

/** "field: message", the field as readers know it. */
export function problemLine(item: Problem): LocalText {
  return text('problemLine', { field: item.label ?? item.at ?? item.field, message: item.text ?? item.message });
}

/** "field: message" for each problem, to list them inside another message's {problems}. */
export function problemLines(items: readonly Problem[]): Lines {
  return { lines: items.map(problemLine) };
}

/** Just the messages, to list them inside another message. */
export function problemMessages(items: readonly Problem[]): Lines {
  return { lines: items.map((item) => item.text ?? item.message) };
}
