import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles, specifiers } from '../../tests/support/module-imports';

/**
 * The terms module must stay pure like lib/engine: no Prisma, Next.js, React
 * or I/O. Every non-test source file may import only decimal.js, zod, the
 * files of lib/terms and the engine's (the formula parser is generated into
 * lib/terms/expression/parser.js and needs nothing at run time).
 */
const ALLOWED = new Set(['decimal.js', 'zod', 'zod/mini']);
const dir = import.meta.dirname;

/** A relative import from `file`, resolved: inside lib/terms, or a file of lib/engine. */
function allowedFrom(file: string, s: string): boolean {
  if (ALLOWED.has(s)) return true;
  if (!s.startsWith('./') && !s.startsWith('../')) return false;
  const target = path.relative(dir, path.resolve(path.dirname(file), s));
  return (!target.startsWith('..') && !path.isAbsolute(target)) || /^\.\.\/engine\/[\w-]+$/.test(target);
}
const allowed = (s: string) => allowedFrom(path.join(dir, 'index.ts'), s);

describe('terms purity', () => {
  const files = sourceFiles(dir);

  it('finds the terms sources', () => {
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['index.ts', 'schema.ts', 'expression.ts', 'settle.ts', 'templates.ts']));
  });

  it.each(files.map((f) => [path.relative(dir, f), f]))('%s imports only decimal.js, zod, lib/terms and lib/engine files', (_name, file) => {
    const bad = specifiers(readFileSync(file, 'utf8')).filter((s) => !allowedFrom(file, s));
    expect(bad).toEqual([]);
  });

  it('has no dynamic code, mathjs evaluation or global I/O, generated parser included', () => {
    for (const file of [...files, path.join(dir, 'expression/parser.js')]) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\b(?:process\.|fetch\(|eval\(|new Function\(|Function\(|\.evaluate\(|\.compile\(|\.import\()/);
    }
  });

  it('detects a forbidden import (self-check of the scanner)', () => {
    expect(specifiers(`import { x } from 'node:fs';\nimport 'server-only';\nconst p = await import("@prisma/client");`)).toEqual(['node:fs', 'server-only', '@prisma/client']);
    expect(['../server/db', '../engine/../server/x', 'next', './x', '../engine/decimal', 'mathjs'].map(allowed)).toEqual([false, false, false, true, true, false]);
    expect(['../decimal', '../../engine/problem', '../../domain/x', './parser.js'].map((s) => allowedFrom(path.join(dir, 'expression/check.ts'), s))).toEqual([true, true, false, true]);
  });
});
