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

/** The kit's controls whose look is their variants' (Checkbox's className lays out its label, so it is not one). */
const KIT_CONTROLS = /^(Button|ButtonLink|Badge|Select|Input|NumberInput|Textarea|CellInput)$/;
/** Classes that decide a control's look: its padding, text size, corners, background, border. */
const LOOK = /^(p[xytblr]?-\S+|text-(xs|sm|base|lg|xl|\[[^\]]+\])|rounded(-\S+)?|bg-\S+|border(-\S+)?)$/;

/**
 * Looks typed by hand again: a kit control whose className restyles it (a size or intent the
 * variants lack: add it to variants.ts), or a raw <span> styled as a badge (rounded, coloured,
 * padded, small text: use Badge). Each className belongs to the last tag opened before it.
 */
export function handTypedLooks(file: string, text: string): string[] {
  const found: string[] = [];
  const tokens = /<([A-Za-z]\w*)\b|className=(?:"([^"]*)"|\{`([^`]*)`\}|\{'([^']*)'\})/g;
  let tag: string | null = null;
  for (const m of text.matchAll(tokens)) {
    if (m[1]) {
      tag = m[1];
      continue;
    }
    // A template's expressions hold classes in quotes (`${a ? 'bg-water-100' : ''}`): split those out too.
    const classes = (m[2] ?? m[3] ?? m[4] ?? '').split(/[\s"'{}$?()]+/).filter(Boolean);
    const line = text.slice(0, m.index).split('\n').length;
    const where = `${path.relative(root, file)}:${line} <${tag}`;
    if (tag && KIT_CONTROLS.test(tag)) {
      // hover:bg-… and disabled:bg-… restyle it as much as bg-… does.
      const look = classes.filter((c) => LOOK.test(c.replace(/^.*:/, '')));
      if (look.length) found.push(`${where} ${look.join(' ')}`);
    } else if (tag === 'span' && classes.some((c) => /^rounded/.test(c)) && classes.some((c) => /^bg-/.test(c)) && classes.some((c) => /^px-/.test(c)) && classes.some((c) => /^text-(xs|\[)/.test(c))) {
      found.push(`${where} a badge by hand`);
    }
  }
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

  it('finds a restyled kit control and a hand-made badge (the scan itself works)', () => {
    const file = path.join(root, 'components/x.tsx');
    const text = [
      '<Button intent="icon" size="xs" className="px-1 text-sm" onClick={() => go()}>',
      '<Button intent="add" size="tool" className="ml-auto">',
      '<span title={t("x")} className={`shrink-0 rounded px-1 text-[10px] leading-4 ${a ? "bg-water-100" : "bg-amber-100"}`}>ƒ</span>',
      '<Select bare className="w-full px-0 disabled:bg-transparent" />',
      '<span className="text-slate-500">(3)</span>',
    ].join('\n');
    expect(handTypedLooks(file, text)).toEqual(['components/x.tsx:1 <Button px-1 text-sm', 'components/x.tsx:3 <span a badge by hand', 'components/x.tsx:4 <Select px-0 disabled:bg-transparent']);
  });

  // The scenario editor first (issue 13): its buttons, cells and badges are all the kit's sizes and tones.
  it('has no hand-typed button, input or badge look in the scenario editor', () => {
    const files = sourceFiles(path.join(root, 'components/scenario-editor'));
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((file) => handTypedLooks(file, readFileSync(file, 'utf8')));
    expect(found, 'use a size or tone of components/ui/variants.ts instead:\n' + found.join('\n')).toEqual([]);
  });
});
