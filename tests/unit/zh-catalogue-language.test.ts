import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { findEnglish } from '../support/english-words';

// Nothing a Chinese reader sees is English or code (units, the paper's notation and format names
// aside): checked on the catalogue itself, so a message that no crawled page happens to show is
// caught too. Code the reader types is marked as code and stays: <code>…</code> in rich text,
// backticks in plain text (decision 0081).

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

/** The text a reader sees of an ICU message: literals and every branch of select and plural; argument names, ICU keywords and <code> apart. */
export function readerText(message: string): string {
  const walk = (elements: Element[]): string =>
    elements
      .map((e) => {
        if (e.type === 0) return e.value ?? '';
        if (e.type === 5 || e.type === 6)
          return Object.values(e.options ?? {})
            .map((option) => walk(option.value))
            .join(' ');
        if (e.type === 8) return e.value === 'code' ? ' ' : walk(e.children ?? []);
        return ' ';
      })
      .join('');
  return walk(new IntlMessageFormat(message, 'zh').getAst() as Element[]);
}

const zh = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../messages/zh.json'), 'utf8')) as Tree;

describe('the Chinese catalogue', () => {
  it('reads a message as the reader sees it (the scan itself works)', () => {
    expect(readerText('{n, plural, one {# 个 payment} other {# 个}} 公式 <code>scheduled</code>，{name}')).toBe('  个 payment   个 公式  ， ');
    expect(findEnglish(readerText('名为 <code>payment</code> 的公式，`year` 与 PDF、Word 文档、C_f'))).toEqual([]);
    expect(findEnglish(readerText('请以 multipart/form-data 发送 formulas[2]，Dong 等'))).toEqual(['multipart', 'form', 'data', 'formulas[2]']);
  });

  it('holds no English words or code outside the allowlist', () => {
    const found = entries(zh).flatMap(([key, message]) => {
      let text: string;
      try {
        text = readerText(message);
      } catch (error) {
        return [`${key}: not a valid ICU message (${String(error)})`];
      }
      const words = findEnglish(text);
      return words.length ? [`${key}: ${words.join(' ')}`] : [];
    });
    expect(entries(zh).length).toBeGreaterThan(1000);
    expect(found, `English or code in messages/zh.json (translate it, or mark code the reader types as code):\n${found.join('\n')}`).toEqual([]);
  });
});
