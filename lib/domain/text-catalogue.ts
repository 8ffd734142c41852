// The server's messages (refusals, problems, errors, places, the engines' codes) are namespaces of
// the one catalogue, messages/{en,zh}.json, beside the pages' (docs/decisions/0032-one-catalogue.md).
// A key names a message inside its namespace (`cannotDisableYourself` is `server.cannotDisableYourself`),
// except the engines' codes and the indicators' names, which carry their namespace (`engine.invalidValue`, `indicator.codmn`): the keys
// callers write do not say where the message is kept. lib/domain/local-text.test.ts checks that no
// key is in two namespaces. ICU MessageFormat: {name} is a value, `count` the only number (plurals).
import { createTranslator } from 'use-intl/core';
import type catalogue from '@/messages/en.json';
import { formatNames, mediaTypes } from './format-names';
import type { AppLocale } from './locale';
import { termsWords } from './terms-words';

/** The namespaces whose keys are relative to them. */
export const textNamespaces = ['api', 'server', 'fundServer', 'schemas', 'places'] as const;
/** Keys that carry their namespace: the engines' codes (`engine.…`) and indicators' names (`indicator.codmn`). */
export const codeNamespaces = ['engine', 'indicator'] as const;

export type TextNamespace = (typeof textNamespaces)[number] | (typeof codeNamespaces)[number];

type Catalogue = typeof catalogue;
type Leaves<T, Prefix extends string> = T extends string ? Prefix : { [K in keyof T & string]: Leaves<T[K], Prefix extends '' ? K : `${Prefix}.${K}`> }[keyof T & string];

export type TextKey = { [N in (typeof textNamespaces)[number]]: Leaves<Catalogue[N], ''> }[(typeof textNamespaces)[number]] | Leaves<Pick<Catalogue, (typeof codeNamespaces)[number]>, ''>;

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix: string, into: Map<string, string>): void {
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') into.set(key, key);
    else leaves(value, key, into);
  }
}

/** Each key and the message's path in the catalogue, for the namespaces these messages hold. */
export function keyPaths(messages: Readonly<Record<string, unknown>>): Map<string, string> {
  const paths = new Map<string, string>();
  for (const namespace of textNamespaces) {
    const keys = new Map<string, string>();
    if (messages[namespace]) leaves(messages[namespace] as Tree, '', keys);
    for (const key of keys.keys()) paths.set(key, `${namespace}.${key}`);
  }
  for (const namespace of codeNamespaces) if (messages[namespace]) leaves({ [namespace]: messages[namespace] as Tree }, '', paths);
  return paths;
}

/**
 * Code in a message of the catalogue is marked <code>…</code> (decision 0080); where the message is
 * plain text (an API reply, a form's error, the CLI, a file) it reads in backticks: `payment`.
 */
export const codeAsText = {
  // A list of codes inside one <code> (`<code>{options}</code>`) reads each name as code: `a`、`b`.
  // next-intl's markup hands a tag its content as parts (typed as a string).
  code: (chunks: string) =>
    [chunks]
      .flat()
      .join('')
      .split('、')
      .map((item) => `\`${item}\``)
      .join('、'),
};

/**
 * The names every server message may read as values: formats, media types and the formula
 * language's words (decision 0106). A message's own values win over them.
 */
export const catalogueValues: Readonly<Record<string, string>> = { ...formatNames, ...mediaTypes, ...termsWords };

/** One language's server messages: the key's ICU message formatted by next-intl's translator. */
export interface TextCatalogue {
  readonly namespaces: ReadonlySet<string>;
  has(key: string): boolean;
  format(key: TextKey, values: Record<string, string | number>): string;
}

export function textCatalogue(locale: AppLocale, messages: Readonly<Record<string, unknown>>): TextCatalogue {
  const paths = keyPaths(messages);
  const translate = createTranslator({
    locale,
    messages: messages as Record<string, Tree>,
    timeZone: 'Asia/Shanghai',
    onError: (error) => {
      throw error;
    },
  });
  return {
    namespaces: new Set(Object.keys(messages).filter((name) => (codeNamespaces as readonly string[]).includes(name) || (textNamespaces as readonly string[]).includes(name))),
    has: (key) => paths.has(key),
    format: (key, values) => {
      const path = paths.get(key);
      if (!path) throw new Error(`no message "${key}" in the ${locale} catalogue`);
      const markup = (translate as unknown as { markup: (path: string, values: Record<string, string | number | ((chunks: string) => string)>) => string }).markup;
      return markup(path, { ...catalogueValues, ...values, ...codeAsText });
    },
  };
}

function messageAt(messages: Readonly<Record<string, unknown>>, path: string): string {
  return path.split('.').reduce<unknown>((tree, name) => (tree as Tree)[name], messages) as string;
}

/** Every server message in both languages with its place in the catalogue (for the catalogue's tests). */
export function textEntries(en: Readonly<Record<string, unknown>>, zh: Readonly<Record<string, unknown>>): Map<TextKey, { en: string; zh: string; path: string }> {
  const entries = new Map<TextKey, { en: string; zh: string; path: string }>();
  for (const [key, path] of keyPaths(en)) entries.set(key as TextKey, { en: messageAt(en, path), zh: messageAt(zh, path), path });
  return entries;
}
