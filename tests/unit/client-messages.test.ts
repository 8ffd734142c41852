import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellNamespaces } from '../../lib/domain/client-messages';
import { specifiers } from '../support/module-imports';

// The root layout sends the browser only the shell's message namespaces; a route whose client
// components need more names them in its layout (components/client-messages.tsx), which replaces
// the shell's messages below it. A client component asking for a namespace its provider does not
// send would show message keys instead of text, and a namespace no client code below asks for
// is page weight for nothing: this follows every page's imports and checks both.
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
      // The server's messages a client hook renders (components/ui/use-text-catalogue.ts) are asked for by name.
      for (const m of source.matchAll(/\buseTextCatalogue\(\s*\[([^\]]*)\]/g)) for (const ns of m[1]!.matchAll(/['"]([^'"]+)['"]/g)) found.set(ns[1]!, path.relative(root, file));
      if (/\buseMessages\(/.test(source) && !file.endsWith('use-text-catalogue.ts')) found.set('*', path.relative(root, file));
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

/** The namespaces a layout's ClientMessages sends, or null when it has no such provider. */
function sentBy(layout: string): string[] | null {
  const match = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/.exec(readFileSync(layout, 'utf8'));
  return match ? [...match[1]!.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]!) : null;
}

/** The innermost provider above a page (its layout and namespaces; the root's shell when none) and the files below it. */
function providerOf(page: string): { layout: string; namespaces: readonly string[]; below: string[] } {
  const layouts = layoutsOf(page);
  for (let i = layouts.length - 1; i >= 0; i--) {
    const namespaces = sentBy(layouts[i]!);
    if (namespaces) return { layout: layouts[i]!, namespaces, below: [...layouts.slice(i + 1), page] };
  }
  return {
    layout: path.join(appDir, 'layout.tsx'),
    namespaces: shellNamespaces,
    below: [...layouts, page, path.join(appDir, 'error.tsx'), path.join(appDir, 'not-found.tsx')].filter((f) => existsSync(f)),
  };
}

describe('messages sent to the browser', () => {
  const all = pages(appDir);
  const name = (file: string) => path.relative(appDir, file);

  it('finds the pages, and sends the deal list, the sign-in page and the deal overview only the shell', () => {
    expect(all.length).toBeGreaterThan(15);
    const shellPages = all.filter((page) => providerOf(page).namespaces === shellNamespaces).map(name);
    expect(shellPages).toEqual(expect.arrayContaining(['(app)/deals/page.tsx', 'login/page.tsx', '(app)/deals/[dealId]/page.tsx']));
    expect(shellPages).not.toContain('(app)/deals/[dealId]/offers/page.tsx');
  });

  it.each(all.map((p) => [name(p), p]))('%s: its client code asks only for namespaces its provider sends', (_name, page) => {
    const { namespaces, below } = providerOf(page);
    const asked = clientNamespaces(below);
    const missing = [...asked].filter(([ns]) => !namespaces.includes(ns)).map(([ns, file]) => `${ns} (${file})`);
    expect(missing).toEqual([]);
  });

  it('sends no namespace that no client code below the provider asks for', () => {
    const asked = new Map<string, Set<string>>();
    for (const page of all) {
      const { layout, below } = providerOf(page);
      const set = asked.get(layout) ?? new Set<string>();
      for (const ns of clientNamespaces(below).keys()) set.add(ns);
      asked.set(layout, set);
    }
    const unused = [...asked].flatMap(([layout, set]) => (sentBy(layout) ?? []).filter((ns) => !set.has(ns)).map((ns) => `${ns} (${name(layout)})`));
    expect(unused).toEqual([]);
  });

  it('would catch a client component that asks for another namespace', () => {
    const asked = clientNamespaces([path.join(root, 'components', 'ui', 'use-unit-word.ts')]);
    expect([...asked.keys()]).toEqual(['editor']);
  });
});
