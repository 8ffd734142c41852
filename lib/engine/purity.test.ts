import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles, specifiers } from '../../tests/support/module-imports';

/**
 * The engine must stay pure: no Prisma, Next.js, React or I/O. Every non-test
 * source file may import only decimal.js, zod and relative ./ files.
 */
const ALLOWED = new Set(['decimal.js', 'zod', 'zod/mini']);
const dir = import.meta.dirname;

describe('engine purity', () => {
  const files = sourceFiles(dir);

  it('finds the engine sources', () => {
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['index.ts', 'compute.ts', 'schema.ts', 'decimal.ts']));
  });

  it.each(files.map((f) => [path.relative(dir, f), f]))('%s imports only decimal.js, zod and ./ files', (_name, file) => {
    const bad = specifiers(readFileSync(file, 'utf8')).filter((s) => !ALLOWED.has(s) && !s.startsWith('./'));
    expect(bad).toEqual([]);
  });

  it('has no dynamic code loading or global I/O', () => {
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\b(?:process\.|fetch\(|eval\(|new Function\()/);
    }
  });

  it('detects a forbidden import (self-check of the scanner)', () => {
    expect(specifiers(`import { x } from 'node:fs';\nimport 'server-only';\nconst p = await import("@prisma/client");`)).toEqual(['node:fs', 'server-only', '@prisma/client']);
    expect(specifiers(`export { D } from './decimal';\nimport type { Z } from '../x';`)).toEqual(['./decimal', '../x']);
  });
});
