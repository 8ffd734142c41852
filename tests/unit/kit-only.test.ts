import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Screens build controls from the kit (components/ui): its variants are the one place a button's or
// an input's look is decided. A raw <button>, <input>, <select> or <textarea> elsewhere is either a
// control the kit lacks (add it there) or a look typed by hand again.

const root = path.join(import.meta.dirname, '../..');
const kit = path.join(root, 'components/ui');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return full === kit ? [] : sourceFiles(full);
    return /\.tsx$/.test(name) ? [full] : [];
  });
}

/** Every raw control of a file, as "file:line <tag". */
export function rawControls(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(/<(button|input|select|textarea)\b/g)) found.push(`${path.relative(root, file)}:${i + 1} <${match[1]}`);
  });
  return found;
}

describe('screens use the kit', () => {
  it('finds a raw control when there is one (the scan itself works)', () => {
    expect(rawControls(path.join(root, 'components/x.tsx'), 'const a = 1;\n  <button type="button" className="rounded bg-water-700">\n<Button />\n<textarea\n')).toEqual(['components/x.tsx:2 <button', 'components/x.tsx:4 <textarea']);
  });

  it('has no raw <button>, <input>, <select> or <textarea> outside components/ui', () => {
    const files = [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'components'))];
    expect(files.length).toBeGreaterThan(20);
    const raw = files.flatMap((file) => rawControls(file, readFileSync(file, 'utf8')));
    expect(raw, 'use the kit (components/ui) instead:\n' + raw.join('\n')).toEqual([]);
  });
});
