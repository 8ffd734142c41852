import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { findEnglish } from '../support/english-words';

// Nothing a Chinese reader sees is English or code (units, the paper's notation and format names
// aside), and nothing an English reader sees is Chinese (data aside): checked on the catalogues
// themselves, so a message that no crawled page happens to show is caught too. Code the reader
// types is marked as code and stays, marked one way in the catalogue: <code>…</code>. Where a
// message is plain text (an API reply, a form's error, a file) the renderer writes it in backticks
// (lib/domain/text-catalogue.ts codeAsText); a backtick typed into the catalogue is not a mark and
// its words count as English (decisions 0080, 0081). Since decision 0106 the code and format names
// are values of the messages, not their text: the second scan below reads inside <code> too.

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`)));
}

// The parts of intl-messageformat's syntax tree this test reads (types 0 literal, 5 select, 6 plural, 8 tag).
interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

/** An ICU message's literals and every branch of select and plural; argument names and ICU keywords apart, the text inside <code> too unless `withCode`. */
function textOf(message: string, withCode: boolean): string {
  const walk = (elements: Element[]): string =>
    elements
      .map((e) => {
        if (e.type === 0) return e.value ?? '';
        if (e.type === 5 || e.type === 6)
          return Object.values(e.options ?? {})
            .map((option) => walk(option.value))
            .join(' ');
        if (e.type === 8) return e.value === 'code' && !withCode ? ' ' : walk(e.children ?? []);
        return ' ';
      })
      .join('');
  return walk(new IntlMessageFormat(message, 'zh').getAst() as Element[]);
}

/** The text a reader sees of an ICU message: literals and every branch of select and plural; argument names, ICU keywords and <code> apart. */
export function readerText(message: string): string {
  return textOf(message, false);
}

const catalogue = (locale: 'zh' | 'en') => JSON.parse(readFileSync(path.join(import.meta.dirname, `../../messages/${locale}.json`), 'utf8')) as Tree;
const zh = catalogue('zh');
const en = catalogue('en');

/** English words and code in a Chinese message as the reader sees it: <code> apart, backticks no mark in the catalogue. */
export function englishIn(message: string): string[] {
  return findEnglish(readerText(message).replace(/`/g, ' '));
}

// The one Chinese an English page shows that is not data: the language switcher naming the other
// language in its own script. Chinese that is data (the import's Chinese headers) is marked <zh>…</zh>
// and rendered with lang="zh".
const allowedChinese = new Set(['language.zh']);
const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;

/** Chinese in an English message, <zh>…</zh> (data) apart. */
export function chineseIn(message: string): string[] {
  return [...new Set(message.replace(/<zh>[\s\S]*?<\/zh>/g, ' ').match(cjk) ?? [])];
}

describe('the Chinese catalogue', () => {
  it('reads a message as the reader sees it (the scan itself works)', () => {
    expect(readerText('{n, plural, one {# 个 payment} other {# 个}} 公式 <code>scheduled</code>，{name}')).toBe('  个 payment   个 公式  ， ');
    expect(englishIn('名为 <code>payment</code> 的公式，与 PDF、Word 文档、C_f')).toEqual([]);
    expect(englishIn('请以 multipart/form-data 发送 formulas[2]，Dong 等')).toEqual(['multipart', 'form', 'data', 'formulas[2]']);
    expect(englishIn('名为 `payment` 的公式，`year`')).toEqual(['payment', 'year']);
    expect(chineseIn('the headers <zh>年度, 指标</zh> or 中文（sic）')).toEqual(['中文（', '）']);
  });

  it('holds no English words or code outside the allowlist', () => {
    const found = entries(zh).flatMap(([key, message]) => {
      let words: string[];
      try {
        words = englishIn(message);
      } catch (error) {
        return [`${key}: not a valid ICU message (${String(error)})`];
      }
      return words.length ? [`${key}: ${words.join(' ')}`] : [];
    });
    expect(entries(zh).length).toBeGreaterThan(1000);
    expect(found, `English or code in messages/zh.json (name it in Chinese, or mark code the reader types as <code>…</code>):\n${found.join('\n')}`).toEqual([]);
  });
});

/**
 * The literal text of an ICU message: literals, every branch of select and plural, and the text
 * inside <code>…</code> too; only the values ({name}) are left out (decision 0106: code the reader
 * types and format names come in as values from the code that defines them, never as catalogue text).
 */
export function literalText(message: string): string {
  return textOf(message, true);
}

/**
 * The Latin-letter words zh.json may hold as text, each for a reason: the paper's notation (Dong et
 * al. 2011; the cost categories C_f … C_AO, the groups ED/PD/AD/IO/AO, A_PES, E_E, I_N, i_s, w, T0,
 * GDP_0/GDP_n, and the single-letter variables of its formulas and of the calculator's), units (m
 * for m³, mg/L, MB, CNY) and the paper's author as cited ("Dong"). Anything else a Chinese reader
 * must read in Latin letters is a value of the message.
 */
export const latinInZh: ReadonlySet<string> = new Set([
  ...['C_f', 'C_s', 'C_m', 'C_n', 'C_q', 'C_p', 'C_np', 'C_w', 'C_sa', 'C_t', 'C_IO', 'C_AO', 'C_D', 'C_O', 'C_c', 'I_c', 'C_IO'],
  ...['ED', 'PD', 'AD', 'IO', 'AO', 'A_PES', 'E_E', 'I_N', 'i_s', 'a_t', 'T0', 'GDP_0', 'GDP_n'],
  ...['a', 'b', 'c', 'i', 'm', 'n', 'N', 'r', 'S', 't', 'T', 'U', 'w'],
  ...['mg', 'L', 'MB', 'CNY'],
  'Dong',
]);
/** Messages that are one word in Latin letters by design: the language switcher names English in English. */
const latinMessages: Record<string, readonly string[]> = { 'language.en': ['English'] };

/** The Latin-letter words of a zh message's text (its values aside) that the allowlist does not hold. */
export function latinWordsIn(key: string, message: string): string[] {
  const words = literalText(message).match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
  return [...new Set(words.filter((w) => !latinInZh.has(w) && !latinMessages[key]?.includes(w)))];
}

describe('the Chinese catalogue as text', () => {
  it('reads code and every branch as text, values apart (the scan itself works)', () => {
    expect(literalText('{n, plural, other {# 个 payment}} <code>scheduled</code>、<code>{name}</code>')).toBe('  个 payment scheduled、 ');
    expect(latinWordsIn('x', '请上传 {formats} 文件，公式可用 <code>{functions}</code>；C_f、i_s、w、m³、mg/L、10 MB（Dong 等）')).toEqual([]);
    expect(latinWordsIn('x', '名为 <code>payment</code> 的 JSON 文件，1e-{max}，5 cm')).toEqual(['payment', 'JSON', 'e', 'cm']);
    expect(latinWordsIn('language.en', 'English')).toEqual([]);
    expect(latinWordsIn('x', 'English')).toEqual(['English']);
  });

  it('holds no Latin-letter word but the notation and units: code and format names are values', () => {
    const found = entries(zh).flatMap(([key, message]) => {
      const words = latinWordsIn(key, message);
      return words.length ? [`${key}: ${words.join(' ')}`] : [];
    });
    expect(found, `Latin-letter words in the text of messages/zh.json (pass code and format names as values, e.g. {json}, <code>{payment}</code>):\n${found.join('\n')}`).toEqual([]);
  });
});

describe('the English catalogue', () => {
  it('holds no Chinese outside data marked <zh>…</zh> and the language switcher', () => {
    const found = entries(en).flatMap(([key, message]) => {
      if (allowedChinese.has(key)) return [];
      const words = chineseIn(message);
      return words.length ? [`${key}: ${words.join(' ')}`] : [];
    });
    expect(entries(en).length).toBe(entries(zh).length);
    expect(found, `Chinese in messages/en.json (translate it, or mark data as <zh>…</zh>):\n${found.join('\n')}`).toEqual([]);
  });
});
