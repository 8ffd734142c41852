// The engines' English messages in the catalogue's terms, so they can be given in Chinese too.
// The engines (lib/engine, lib/terms) are standalone and word their problems in English; each
// wording is a template in lib/domain/texts/engine.ts, read back here into its key and values.
// A message no template matches stays English (lib/domain/engine-text.test.ts checks that what
// the engines say of many bad documents is matched).
import { IntlMessageFormat } from 'intl-messageformat';
import { readIssueText } from '@/lib/engine/problem';
import { fromMessage, render, text, type LocalText, type Problem, type TextValue } from './local-text';
import type { AppLocale } from './locale';
import { engineTexts } from './texts/engine';

type EngineKey = keyof typeof engineTexts;

interface Template {
  key: EngineKey;
  pattern: RegExp;
  /** Characters that are not values: the more, the more specific, so these are tried first. */
  literal: number;
}

// Values that are themselves messages (or words of one) are read again; names, numbers and
// quoted text are kept as written, so a formula named "left" stays "left".
const nestedValues = new Set(['message', 'hint', 'reason', 'why', 'expected', 'got', 'operand', 'side', 'declared', 'detail']);

// Positions, indexes, limits and years are whole numbers: "3 in formula …" is not a position.
const countValues = new Set(['position', 'index', 'max', 'mb', 'year']);
// As JavaScript prints an integer: 2031, -1, 1.5e+21.
const wholeNumber = '-?\\d+(?:\\.\\d+)?(?:e\\+\\d+)?';

const mark = (name: string) => `\u0001${name}\u0002`;
const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(key: EngineKey, english: string): Template {
  // The template with each value replaced by a mark, then split at the marks: literal text and values.
  const format = new IntlMessageFormat(english, 'en');
  const names = (format.getAst() as { type: number; value?: unknown }[]).flatMap((element) => (element.type === 1 && typeof element.value === 'string' ? [element.value] : []));
  const sample = String(format.format(Object.fromEntries(names.map((name) => [name, mark(name)]))));
  const seen = new Set<string>();
  const source = sample
    .split(/(\u0001\w+\u0002)/)
    .map((part) => {
      const name = /^\u0001(\w+)\u0002$/.exec(part)?.[1];
      if (!name) return escape(part);
      if (seen.has(name)) return `\\k<${name}>`;
      seen.add(name);
      return `(?<${name}>${countValues.has(name) ? wholeNumber : '[\\s\\S]*?'})`;
    })
    .join('');
  return { key, pattern: new RegExp(`^${source}$`), literal: sample.replace(/\u0001\w+\u0002/g, '').length };
}

let templates: Template[] | null = null;

function allTemplates(): Template[] {
  templates ??= (Object.keys(engineTexts) as EngineKey[]).map((key) => compile(key, engineTexts[key].en)).sort((a, b) => b.literal - a.literal);
  return templates;
}

/** The catalogue message an engine's English message is, or null when no template matches it. */
export function engineMessageText(message: string, depth = 0): LocalText | null {
  // A scenario problem or an engine schema's message passed on by lib/terms carries its code.
  const coded = readIssueText(message);
  if (coded) return fromMessage(coded);
  if (depth > 6 || message.length > 2000) return null;
  for (const template of allTemplates()) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const values: Record<string, TextValue> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) values[name] = (nestedValues.has(name) && engineMessageText(value, depth + 1)) || value;
    return text(template.key, values);
  }
  return null;
}

/** A problem an engine found, at `field`, with its message in either language when a template matches. */
export function engineProblem(field: string, message: string): Problem {
  const known = engineMessageText(message);
  return known ? { field, message, text: known } : { field, message };
}

/** An engine's message in the reader's language (English as the engine wrote it when no template matches). */
export function engineMessageIn(message: string, locale: AppLocale): string {
  if (locale === 'en') return message;
  const known = engineMessageText(message);
  return known ? render(known, locale) : message;
}
