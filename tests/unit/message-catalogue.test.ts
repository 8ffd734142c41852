import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../lib/domain/locale';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}

function catalogue(locale: string): Tree {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, '../../messages', `${locale}.json`), 'utf8')) as Tree;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('message catalogue', () => {
  const [first, ...others] = locales;

  it.each(others)('has the same keys in %s as in ' + first, (locale) => {
    const reference = keys(catalogue(first)).sort();
    const other = keys(catalogue(locale)).sort();
    expect(
      reference.filter((key) => !other.includes(key)),
      `missing in ${locale}`,
    ).toEqual([]);
    expect(
      other.filter((key) => !reference.includes(key)),
      `missing in ${first}`,
    ).toEqual([]);
  });

  it.each([...locales])('has no empty message in %s', (locale) => {
    const empty = Object.entries(Object.fromEntries(keys(catalogue(locale)).map((k) => [k, k.split('.').reduce<string | Tree>((t, p) => (t as Tree)[p]!, catalogue(locale))]))).filter(
      ([, v]) => (v as string).trim() === '',
    );
    expect(empty).toEqual([]);
  });

  it('holds every literal key the code asks for', () => {
    const known = new Set(keys(catalogue(first)));
    const root = path.join(import.meta.dirname, '../..');
    const missing: string[] = [];
    for (const file of [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'components'))]) {
      const text = readFileSync(file, 'utf8');
      const namespaces = [...text.matchAll(/(?:useTranslations|getTranslations)\(\s*'([\w.]+)'\s*\)/g)].map((m) => m[1]!);
      const namespace = namespaces.length === 1 ? `${namespaces[0]}.` : namespaces.length === 0 ? '' : null;
      if (namespace === null) continue;
      for (const match of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        const key = `${namespace}${match[1]}`;
        if (!known.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
