import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellNamespaces } from '../../lib/domain/client-messages';
import { specifiers } from '../support/module-imports';

// The root layout sends the browser only the shell's message namespaces; deal, fund and editor
// pages get every message from their own layout (components/all-messages.tsx). A client component
// on any other page that asked for another namespace would show message keys instead of text, so
// this follows every page's imports and checks.
const root = path.resolve(import.meta.dirname, '../..');
const appDir = path.join(root, 'app');

function resolveModule(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** The namespaces the client code reachable from these files asks for ('*' for all of them). */
function clientNamespaces(entries: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const key = `${file}:${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(file, 'utf8');
    // Everything a 'use client' module imports is client code too.
    const client = inClient || /^\s*['"]use client['"]/.test(source);
    if (client) {
      for (const m of source.matchAll(/\buseTranslations\(\s*(?:['"]([^'"]*)['"])?\s*\)/g)) found.set(m[1] ? m[1].split('.')[0]! : '*', path.relative(root, file));
      if (/\buseMessages\(/.test(source)) found.set('*', path.relative(root, file));
    }
    for (const specifier of specifiers(source)) {
      const target = resolveModule(file, specifier);
      if (target) visit(target, client);
    }
  };
  for (const entry of entries) visit(entry, false);
  return found;
}

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return pages(full);
    return e.name === 'page.tsx' ? [full] : [];
  });
}

/** The page's layouts, from the root down. */
function layoutsOf(page: string): string[] {
  const layouts: string[] = [];
  for (let dir = path.dirname(page); dir.startsWith(appDir); dir = path.dirname(dir)) {
    const layout = path.join(dir, 'layout.tsx');
    if (existsSync(layout)) layouts.unshift(layout);
  }
  return layouts;
}

const sendsAllMessages = (layout: string) => /<AllMessages\b/.test(readFileSync(layout, 'utf8'));

describe('messages sent to the browser', () => {
  const all = pages(appDir);
  const shellPages = all.filter((page) => !layoutsOf(page).some(sendsAllMessages));

  it('finds the pages, and sends the deal list and the sign-in page only the shell', () => {
    expect(all.length).toBeGreaterThan(15);
    expect(shellPages.map((p) => path.relative(appDir, p))).toEqual(expect.arrayContaining(['(app)/deals/page.tsx', 'login/page.tsx']));
    expect(shellPages.map((p) => path.relative(appDir, p))).not.toContain('(app)/deals/[dealId]/page.tsx');
  });

  it.each(shellPages.map((p) => [path.relative(appDir, p), p]))('%s: its client code asks only for the shell namespaces', (_name, page) => {
    const entries = [...layoutsOf(page), page, path.join(appDir, 'error.tsx'), path.join(appDir, 'not-found.tsx')].filter((f) => existsSync(f));
    const asked = clientNamespaces(entries);
    const missing = [...asked].filter(([ns]) => !(shellNamespaces as readonly string[]).includes(ns)).map(([ns, file]) => `${ns} (${file})`);
    expect(missing).toEqual([]);
  });

  it('would catch a client component that asks for another namespace', () => {
    const asked = clientNamespaces([path.join(root, 'components', 'ui', 'use-unit-word.ts')]);
    expect([...asked.keys()]).toEqual(['editor']);
  });
});
