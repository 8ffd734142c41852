import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Screens build controls from the kit (components/ui): its variants are the one place a button's,
// an input's, a badge's or a banner's look is decided. A raw <button>, <input>, <select> or
// <textarea> elsewhere is either a control the kit lacks (add it there) or a look typed by hand
// again; so is a class string that draws a button, a badge, a banner (a frame tinted in a tone's
// colour) or an empty state (a dashed frame) on any element, a paragraph drawn as a box (a notice
// by hand), and a kit control whose className repaints its box (padding, corners, fill, border, colour).

const root = path.join(import.meta.dirname, '../..');
const kit = path.join(root, 'components/ui');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return full === kit ? [] : sourceFiles(full);
    return /\.tsx$/.test(name) ? [full] : [];
  });
}

const where = (file: string, text: string, index: number) => `${path.relative(root, file)}:${text.slice(0, index).split('\n').length}`;

/** Every raw control of a file, as "file:line <tag". */
export function rawControls(file: string, text: string): string[] {
  return [...text.matchAll(/<(button|input|select|textarea)\b/g)].map((match) => `${where(file, text, match.index)} <${match[1]}`);
}

const has = (classes: string[], pattern: RegExp) => classes.some((c) => pattern.test(c));

/** The kit's look a class string draws by hand, if any. */
export function handLook(classString: string): 'button' | 'badge' | 'banner' | 'empty state' | null {
  const classes = classString.split(/\s+/).filter(Boolean);
  const rounded = has(classes, /^rounded(?:-md|-full)?$/);
  const padded = has(classes, /^p[xy]-/);
  // A frame of any corners and any padding: a banner tinted in a tone's colour, an empty state dashed.
  const framed = has(classes, /^rounded(?:-(?:sm|md|lg|xl))?$/);
  if (framed && has(classes, /^border-dashed$/)) return 'empty state';
  if (framed && has(classes, /^bg-(?:red|amber|emerald|sky|water)-50$/)) return 'banner';
  if (!rounded || !padded) return null;
  if (has(classes, /^hover:bg-/) || has(classes, /^bg-(?:water|emerald|red|amber)-[6-9]00$/)) return 'button';
  if (has(classes, /^py-0\.5$/) && (has(classes, /^text-(?:xs|sm)$/) || classString.includes('${'))) return 'badge';
  return null;
}

/**
 * Paragraphs drawn as a box (corners, a background, a border or padding): a notice by hand,
 * whatever its colours (a neutral note is Notice tone="neutral", a formula CodeBlock), as
 * "file:line <p notice".
 */
export function boxedParagraphs(file: string, text: string): string[] {
  return [...text.matchAll(/<p\b[^>]*?className=(?:"([^"]*)"|\{`([^`]*)`\})/gs)].flatMap((match) => {
    const classes = (match[1] ?? match[2] ?? '').split(/\s+/);
    // Framed by a border or by padding alone: a tinted box with corners is a box either way.
    const boxed = has(classes, /^rounded/) && has(classes, /^bg-/) && (has(classes, /^border(?:-2)?$/) || has(classes, /^p[xy]?-/));
    return boxed ? [`${where(file, text, match.index)} <p notice`] : [];
  });
}

/** Class strings (quoted or template literals) that draw a kit look by hand, as "file:line look: classes". */
export function handStyled(file: string, text: string): string[] {
  return [...text.matchAll(/(['"`])((?:(?!\1)[^\n\\])*)\1/g)].flatMap((match) => {
    const look = handLook(match[2]!);
    return look ? [`${where(file, text, match.index)} ${look}: ${match[2]}`] : [];
  });
}

const kitControls = ['Button', 'ButtonLink', 'Input', 'NumberInput', 'Textarea', 'Select', 'FileButton', 'Badge', 'CellInput'];
// What a screen may add to a kit control: where it sits and how wide it is, never its box.
const repaint = /^(?:[a-z]+:)*(?:p[xytrbl]?-|rounded|bg-|border|decoration-|text-(?:slate|water|red|amber|emerald|sky|white|black)-?)/;

/** Kit controls whose className repaints them, as "file:line <Tag class". */
export function repaintedControls(file: string, text: string): string[] {
  const tags = new RegExp(`<(${kitControls.join('|')})\\b[^>]*?className=(?:"([^"]*)"|\\{\`([^\`]*)\`\\})`, 'gs');
  return [...text.matchAll(tags)].flatMap((match) => {
    const classes = (match[2] ?? match[3] ?? '')
      .replace(/\$\{[^}]*\}/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    const bad = classes.filter((c) => repaint.test(c));
    return bad.length ? [`${where(file, text, match.index)} <${match[1]} ${bad.join(' ')}`] : [];
  });
}

/**
 * Offenders in folders other helpers are converting at the same time (scenario editor, negotiation,
 * offers): for the integrator to shrink. An entry is "file <Tag" or "file look"; the test prints
 * entries that match nothing so they can go.
 */
const pendingElsewhere: string[] = [];

const pendingKey = (finding: string) => finding.replace(/:\d+ (<\w+|\w+:).*$/, (_, what: string) => ` ${what.replace(/:$/, '')}`);
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
    } else if (
      tag === 'span' &&
      classes.some((c) => /^rounded/.test(c)) &&
      classes.some((c) => /^bg-/.test(c)) &&
      classes.some((c) => /^px-/.test(c)) &&
      classes.some((c) => /^text-(xs|\[)/.test(c))
    ) {
      found.push(`${where} a badge by hand`);
    }
  }
  return found;
}

describe('screens use the kit', () => {
  it('finds a raw control when there is one (the scan itself works)', () => {
    expect(rawControls(path.join(root, 'components/x.tsx'), 'const a = 1;\n  <button type="button" className="rounded bg-water-700">\n<Button />\n<textarea\n')).toEqual([
      'components/x.tsx:2 <button',
      'components/x.tsx:4 <textarea',
    ]);
  });

  it('finds a look typed by hand and a repainted kit control (the scans themselves work)', () => {
    const file = path.join(root, 'components/x.tsx');
    const text = [
      "const quiet = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-water-700 hover:bg-slate-50';",
      '<span className={`rounded px-2 py-0.5 text-xs ${tone}`}>x</span>',
      '<p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">x</p>',
      '<div className="rounded-lg border border-slate-200 bg-white p-4">card</div>',
      '<div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">none yet</div>',
      '<div role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 p-4 text-sm text-red-900">x</div>',
      '<p className="mt-2 rounded bg-water-50 px-2 py-1 text-sm">quoted</p>',
      '<p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600">note</p>',
      '<div className="rounded-md bg-slate-50 p-3">a figure</div>',
      '<Button intent="secondary" className="mt-2 py-1.5">x</Button>',
      '<Input className="w-64 font-mono" />',
      '<p className="rounded bg-slate-50 px-3 py-2 font-mono text-xs">a formula</p>',
    ].join('\n');
    expect(handStyled(file, text)).toEqual([
      'components/x.tsx:1 button: rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-water-700 hover:bg-slate-50',
      'components/x.tsx:2 badge: rounded px-2 py-0.5 text-xs ${tone}',
      'components/x.tsx:3 banner: rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm',
      'components/x.tsx:5 empty state: mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center',
      'components/x.tsx:6 banner: rounded-lg border-2 border-red-600 bg-red-50 p-4 text-sm text-red-900',
      'components/x.tsx:7 banner: mt-2 rounded bg-water-50 px-2 py-1 text-sm',
    ]);
    expect(boxedParagraphs(file, text)).toEqual(['components/x.tsx:3 <p notice', 'components/x.tsx:7 <p notice', 'components/x.tsx:8 <p notice', 'components/x.tsx:12 <p notice']);
    expect(repaintedControls(file, text)).toEqual(['components/x.tsx:10 <Button py-1.5']);
  });

  const files = [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'components'))];

  it('has no raw <button>, <input>, <select> or <textarea> outside components/ui', () => {
    expect(files.length).toBeGreaterThan(20);
    const raw = files.flatMap((file) => rawControls(file, readFileSync(file, 'utf8')));
    expect(raw, 'use the kit (components/ui) instead:\n' + raw.join('\n')).toEqual([]);
  });

  // A button's variants applied to a raw link are a button typed again: ButtonLink (a download, a
  // file of the API) and ButtonNavLink (a page of the platform) are the kit's.
  it('applies no button variants outside components/ui', () => {
    const found = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bbuttonVariants\(/g)].map((match) => where(file, readFileSync(file, 'utf8'), match.index)));
    expect(found, 'use ButtonLink or ButtonNavLink (components/ui/button.tsx) instead:\n' + found.join('\n')).toEqual([]);
  });

  it('draws no button, badge or banner by hand and repaints no kit control outside components/ui', () => {
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...handStyled(file, text), ...boxedParagraphs(file, text), ...repaintedControls(file, text)];
    });
    const pending = new Set(pendingElsewhere);
    const stale = pendingElsewhere.filter((entry) => !found.some((finding) => pendingKey(finding) === entry));
    if (stale.length) console.log(`kit-only: pending entries that matched nothing (remove them):\n${stale.join('\n')}`);
    const offenders = found.filter((finding) => !pending.has(pendingKey(finding)));
    expect(offenders, 'use Button/ButtonLink, Badge, Notice, EmptyState or a variant of components/ui/variants.ts instead:\n' + offenders.join('\n')).toEqual([]);
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
