import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zh from '@/messages/zh.json';

// docs/glossary.md names each term once; its last column lists the Chinese words that mean the
// same and must not appear in what a reader sees.
const root = path.resolve(import.meta.dirname, '../..');
const glossary = readFileSync(path.join(root, 'docs/glossary.md'), 'utf8');

function avoidedWords(): { word: string; instead: string }[] {
  const rows = glossary.split('\n').filter((line) => line.startsWith('|') && !line.startsWith('|---') && !line.startsWith('| English'));
  return rows.flatMap((row) => {
    const cells = row.split('|').map((cell) => cell.trim());
    const [, , chinese, , avoided] = cells;
    return (avoided ?? '')
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean)
      .map((word) => ({ word, instead: chinese ?? '' }));
  });
}

function sourceFiles(): string[] {
  return ['app', 'components', 'lib'].flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .map((file) => path.join(folder, file))
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith(path.join('lib', 'generated'))),
  );
}

function chineseTexts(): { key: string; text: string }[] {
  const found: { key: string; text: string }[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') found.push({ key: prefix, text: node });
    else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) walk(value, prefix ? `${prefix}.${key}` : key);
  };
  walk(zh, '');
  // Texts written in code (the PDF renderer, templates, demo data) are read too.
  for (const file of sourceFiles()) found.push({ key: file, text: readFileSync(path.join(root, file), 'utf8') });
  return found;
}

describe('the glossary', () => {
  it('lists words to avoid, so the check below checks something', () => {
    expect(avoidedWords().map((entry) => entry.word)).toEqual(expect.arrayContaining(['要约', '方案']));
  });

  it('is followed by every Chinese text', () => {
    const offending = chineseTexts().flatMap(({ key, text }) =>
      avoidedWords()
        .filter(({ word }) => text.includes(word))
        .map(({ word, instead }) => `${key}: "${text.length > 120 ? `…${text.slice(Math.max(0, text.indexOf(word) - 40), text.indexOf(word) + 40)}…` : text}" uses ${word} (glossary: ${instead})`),
    );
    expect(offending).toEqual([]);
  });
});
