import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('architecture', () => {
  it('every data-access module starts with server-only', () => {
    const offenders = files(path.join(root, 'lib/server')).filter((file) => !readFileSync(file, 'utf8').trimStart().startsWith("import 'server-only';"));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });

  it('pages, actions and route handlers reach the database only through lib/server', () => {
    const offenders = files(path.join(root, 'app')).filter((file) => /from '(@\/lib\/generated|@prisma\/|@\/lib\/infra\/prisma)/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});
