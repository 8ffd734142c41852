import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles, specifiers } from '../../tests/support/module-imports';

/**
 * The terms module must stay pure like lib/engine: no Prisma, Next.js, React
 * or I/O. Every non-test source file may import only mathjs, decimal.js, zod,
 * its own ./ files and the engine's.
 */
const ALLOWED = new Set(['mathjs', 'decimal.js', 'zod']);
const dir = import.meta.dirname;

const allowed = (s: string) => ALLOWED.has(s) || (s.startsWith('./') && !s.includes('..')) || /^\.\.\/engine\/[\w-]+$/.test(s);

describe('terms purity', () => {
  const files = sourceFiles(dir);

  it('finds the terms sources', () => {
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['index.ts', 'schema.ts', 'expression.ts', 'settle.ts', 'templates.ts']));
  });

  it.each(files.map((f) => [path.relative(dir, f), f]))('%s imports only mathjs, decimal.js, zod, ./ and ../engine/ files', (_name, file) => {
    const bad = specifiers(readFileSync(file, 'utf8')).filter((s) => !allowed(s));
    expect(bad).toEqual([]);
  });

  it('has no dynamic code, mathjs evaluation or global I/O', () => {
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\b(?:process\.|fetch\(|eval\(|new Function\(|Function\(|\.evaluate\(|\.compile\(|\.import\()/);
    }
  });

  it('detects a forbidden import (self-check of the scanner)', () => {
    expect(specifiers(`import { x } from 'node:fs';\nimport 'server-only';\nconst p = await import("@prisma/client");`)).toEqual(['node:fs', 'server-only', '@prisma/client']);
    expect(['../server/db', '../engine/../server/x', 'next', './x', '../engine/decimal'].map(allowed)).toEqual([false, false, false, true, true]);
  });
});
