import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { createTranslator } from 'next-intl';
import { formatDateTime } from '@/lib/domain/format';
import { catalogueValues, codeAsText } from '@/lib/domain/text-catalogue';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

// What the platform's printed documents share (the agreement, the settlement statement): an A4
// page in one font for both languages, labels and sentences in Chinese then English from the
// catalogue the pages use, fields, tables, notes, headings and a footer on every page.

const fontFile = path.join('node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf');
let fontBytes: Buffer | undefined;

/**
 * Noto Sans SC covers Chinese and Latin text, so one font serves both languages. pdfkit embeds
 * only the glyphs used (a subset), which keeps a 10 MB font down to a few kilobytes per PDF.
 * Read once per process, by path from the project root (where `next start` and the tests run):
 * a module import or require.resolve would make the bundler try to compile the .ttf.
 */
export function cjkFont(): Buffer {
  if (!fontBytes) {
    const file = path.join(process.cwd(), fontFile);
    if (!existsSync(file)) throw new Error(`The PDF font is missing at ${file}: run the server from the project root with its node_modules installed.`);
    fontBytes = readFileSync(file);
  }
  return fontBytes;
}

type Catalogue = typeof en;
type Leaves<T, Prefix extends string = ''> = T extends string ? Prefix : { [K in keyof T & string]: Leaves<T[K], Prefix extends '' ? K : `${Prefix}.${K}`> }[keyof T & string];
/** The catalogue's namespaces that print a document. */
export type PdfNamespace = 'agreementPdf' | 'statementPdf';
export type Values = Record<string, string | number>;
type Markup = (key: string, values: Record<string, string | number | ((chunks: string) => string)>) => string;

const markup: Record<'zh' | 'en', Markup> = {
  zh: createTranslator({ locale: 'zh', messages: zh }).markup as unknown as Markup,
  en: createTranslator({ locale: 'en', messages: en }).markup as unknown as Markup,
};

/**
 * The labels and sentences of one document's namespace: `say.zh(key)`, `say.en(key)`, and
 * `both(key)`, Chinese then English. Code in a message (<code>…</code>) prints in backticks, as in
 * every plain text the platform writes.
 */
export function bilingual<N extends PdfNamespace>(namespace: N) {
  type Key = Leaves<Catalogue[N]>;
  const one = (lang: 'zh' | 'en') => (key: Key, values?: Values) => markup[lang](`${namespace}.${key}`, { ...catalogueValues, ...values, ...codeAsText });
  const say = { zh: one('zh'), en: one('en') };
  /** Chinese, then English; `values` may differ by language (amounts and names are written per language). */
  const both = (key: Key, values?: Values | { zh: Values; en: Values }, between = ' '): string => {
    const byLang = values && 'zh' in values && typeof values.zh === 'object' ? (values as { zh: Values; en: Values }) : { zh: values as Values | undefined, en: values as Values | undefined };
    return `${say.zh(key, byLang.zh)}${between}${say.en(key, byLang.en)}`;
  };
  return { say, both };
}

/** A code's label in both languages from a tree of the catalogue (`side`, `fund.funder`), else the code. */
export function bothLabels(tree: { zh: Record<string, unknown>; en: Record<string, unknown> }, code: string, between = ' '): string {
  return `${String(tree.zh[code] ?? code)}${between}${String(tree.en[code] ?? code)}`;
}

/** Beijing time with seconds: what a signatory saw on the clock when signing. */
export function beijingTime(iso: string): string {
  return `${formatDateTime(iso, 'zh', { numeric: true })} UTC+8`;
}

/** Digits grouped by thousands without passing through a JavaScript number. */
export function grouped(decimal: string): string {
  const [whole = '0', fraction] = decimal.replace(/^-/, '').split('.');
  const sign = decimal.startsWith('-') ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

export type Doc = PDFKit.PDFDocument;

export const page = { margin: 50, width: 595.28 - 100 };
export const colour = { ink: '#1e293b', muted: '#64748b', rule: '#cbd5e1', water: '#185a79', bad: '#b91c1c', good: '#15803d' };

/** An A4 document in the platform's font, and its bytes once it is ended. */
export function startDocument(info: PDFKit.DocumentInfo): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: page.margin, bufferPages: true, info });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk').fillColor(colour.ink);
  return { doc, done };
}

/** The title in Chinese, the English under it, and the document's state in its colour. */
export function titleBlock(doc: Doc, title: { zh: string; en: string }, state: string, stateColour: string) {
  doc.fontSize(18).fillColor(colour.water).text(title.zh);
  doc.fontSize(13).text(title.en);
  doc.moveDown(0.4).fontSize(10.5).fillColor(stateColour).text(state);
  doc.fillColor(colour.ink).fontSize(9.5).moveDown(0.6);
}

export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** A section's heading in the platform's colour. */
export function heading(doc: Doc, label: string) {
  ensureSpace(doc, 40);
  doc.moveDown(0.8).fontSize(12).fillColor(colour.water).text(label, page.margin, doc.y, { width: page.width });
  doc.moveDown(0.3).fillColor(colour.ink).fontSize(9.5);
}

/** A sentence across the page, muted unless said. */
export function note(doc: Doc, text: string, tone: string = colour.muted) {
  ensureSpace(doc, 14);
  doc.fillColor(tone).text(text, page.margin, doc.y, { width: page.width });
  doc.fillColor(colour.ink);
}

/** `size` smaller for hashes, so 64 hex digits stay on one line and copy as one. */
export function field(doc: Doc, label: string, value: string, size = 9.5) {
  ensureSpace(doc, 16);
  const y = doc.y;
  doc.fontSize(9.5).fillColor(colour.muted).text(label, page.margin, y, { width: 150 });
  const labelBottom = doc.y;
  doc
    .fontSize(size)
    .fillColor(colour.ink)
    .text(value, page.margin + 155, y + (9.5 - size) / 2, { width: page.width - 155 });
  doc.fontSize(9.5);
  doc.y = Math.max(doc.y, labelBottom);
  doc.x = page.margin;
}

export function table(doc: Doc, widths: number[], header: string[], rows: string[][]) {
  const line = (cells: string[], isHeader: boolean) => {
    doc.fontSize(isHeader ? 8.5 : 9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 6 }))) + 6;
    ensureSpace(doc, height);
    const y = doc.y;
    let x = page.margin;
    cells.forEach((cell, i) => {
      doc.fillColor(isHeader ? colour.muted : colour.ink).text(cell, x + 3, y + 3, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc
      .moveTo(page.margin, y + height)
      .lineTo(page.margin + page.width, y + height)
      .lineWidth(0.5)
      .strokeColor(colour.rule)
      .stroke();
    doc.x = page.margin;
    doc.y = y + height;
  };
  line(header, true);
  for (const row of rows) line(row, false);
  doc.fontSize(9.5).fillColor(colour.ink);
}

/** A footer on every buffered page (`text` of the page's number and the count), then the end. */
export function finish(doc: Doc, footer: (pageNumber: number, pages: number) => string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // A zero bottom margin keeps pdfkit from adding a page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(7.5)
      .fillColor(colour.muted)
      .text(footer(i + 1, range.count), page.margin, doc.page.height - 30, { width: page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}
