import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Actor } from '@/lib/domain/actor';
import type { Anchor } from '@/lib/infra/audit-anchors';
import { anchorDealChainHead } from '@/lib/server/audit/chain-anchors';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import type { AgreementDetail } from '@/lib/contracts/agreements';
import { getAgreement } from './get-agreement';
import { createTranslator } from 'next-intl';
import { auditSentenceText, type Translate } from '@/lib/domain/audit-text';
import { defaultReaderUnit, formatDateTime, type ReaderUnit } from '@/lib/domain/format';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

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

// The agreement binds both sides in both languages: every label and sentence is printed in Chinese,
// then English, both from the catalogue the pages use (namespace agreementPdf; docs/decisions/0032-one-catalogue.md).
const translators: Record<'zh' | 'en', Translate> = {
  zh: createTranslator({ locale: 'zh', messages: zh }) as unknown as Translate,
  en: createTranslator({ locale: 'en', messages: en }) as unknown as Translate,
};
const says = { zh: createTranslator({ locale: 'zh', messages: zh, namespace: 'agreementPdf' }), en: createTranslator({ locale: 'en', messages: en, namespace: 'agreementPdf' }) };
type PdfKey = Parameters<(typeof says)['zh']>[0];

/** A label or sentence in Chinese, then English. */
function both(key: PdfKey, values?: Record<string, string | number>, between = ' '): string {
  return `${says.zh(key, values)}${between}${says.en(key, values)}`;
}

const sideLabel = (side: string): string => (side in zh.side ? `${zh.side[side as keyof typeof zh.side]} ${en.side[side as keyof typeof en.side]}` : side);
const statusLabel = (status: string): string => (status === 'DRAFT' || status === 'ARCHIVED' || status === 'VOID' ? both(`status.${status}`, undefined, ' · ') : status);

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

function heading(doc: Doc, key: PdfKey) {
  ensureSpace(doc, 40);
  doc
    .moveDown(0.8)
    .fontSize(12)
    .fillColor(colour.water)
    .text(both(key, undefined, '  '), page.margin, doc.y, { width: page.width });
  doc.moveDown(0.3).fillColor(colour.ink).fontSize(9.5);
}

export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
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

function termsLines(terms: Record<string, unknown>): string[][] {
  const rows: string[][] = [];
  const constants = (terms.constants ?? {}) as Record<string, unknown>;
  const indicators = (terms.indicators ?? {}) as Record<string, unknown>;
  const formulas = (Array.isArray(terms.formulas) ? terms.formulas : []) as { name?: unknown; expr?: unknown }[];
  for (const [name, value] of Object.entries(constants)) rows.push([both('constant'), name, String(value)]);
  for (const [name, unit] of Object.entries(indicators)) rows.push([both('indicator'), name, String(unit)]);
  for (const formula of formulas) rows.push([both('formula'), String(formula.name ?? ''), String(formula.expr ?? '')]);
  return rows;
}

/** The agreement as a bilingual A4 document: terms, schedule, signatures with times, hash and audit summary. */
export function agreementPdf(agreement: AgreementDetail, generatedAt = new Date(), unit: ReaderUnit = defaultReaderUnit, chainHead: Anchor | null = null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: page.margin,
    bufferPages: true,
    info: {
      Title: both('documentTitle', { number: agreement.number }, ' · '),
      Subject: `${agreement.deal.nameZh} · ${agreement.deal.name}`,
      Keywords: agreement.hash ? `sha256:${agreement.hash}` : 'draft',
      Creator: both('creator', undefined, ' · '),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('cjk', cjkFont());
  doc.font('cjk').fillColor(colour.ink);

  doc
    .fontSize(18)
    .fillColor(colour.water)
    .text(says.zh('title', { number: agreement.number }));
  doc.fontSize(13).text(says.en('title', { number: agreement.number }));
  doc
    .moveDown(0.4)
    .fontSize(10.5)
    .fillColor(agreement.status === 'ARCHIVED' ? colour.good : colour.muted)
    .text(statusLabel(agreement.status));
  doc.fillColor(colour.ink).fontSize(9.5).moveDown(0.6);

  field(doc, both('deal'), `${agreement.deal.nameZh}\n${agreement.deal.name}`);
  field(doc, both('watershed'), `${agreement.deal.watershedZh} · ${agreement.deal.watershed}`);
  field(doc, both('term'), `${agreement.startYear}–${agreement.endYear}`);
  field(doc, both('currencyUnit'), `${agreement.currency}, ${grouped(String(agreement.unit))} · ${agreement.priceBase}`);
  field(doc, both('scenarioVersion'), `${agreement.version.scenarioName ?? agreement.version.id} ${both('versionNumber', { number: agreement.version.number ?? '?' }, ' · ')}`);
  field(doc, both('scenarioHash'), agreement.version.documentHash, 7.5);
  field(doc, both('offer'), both('offerNumber', { number: agreement.offerNumber }, ' · '));
  field(doc, both('drafted'), beijingTime(agreement.draftedAt));
  if (agreement.archivedAt) field(doc, both('archived'), beijingTime(agreement.archivedAt));

  heading(doc, 'parties');
  for (const party of agreement.parties) {
    field(doc, sideLabel(party.side), party.organisations.map((o) => `${o.nameZh} · ${o.name}`).join('\n') || '—');
  }
  field(doc, both('direction'), both('directionValue', undefined, ' · '));

  heading(doc, 'schedule');
  table(
    doc,
    [90, 175, 230],
    [both('years'), both('perYear', { currency: agreement.currency }), both('basis')],
    agreement.schedule.map((entry) => [
      entry.from === entry.to ? String(entry.from) : `${entry.from}–${entry.to}`,
      grouped(entry.perYear),
      'amount' in entry ? `${grouped(entry.amount)} × ${grouped(String(agreement.unit))} ${agreement.currency}` : `${entry.pricePerM3} ${agreement.currency}/m³ × ${grouped(entry.volume)} m³`,
    ]),
  );
  doc.moveDown(0.3);
  field(doc, both('total'), `${grouped(agreement.totalAmount)} ${agreement.currency}`);

  heading(doc, 'terms');
  if (agreement.terms) {
    const terms = agreement.terms;
    field(doc, both('name'), String(terms.name ?? '—'));
    field(doc, both('years'), `${String(terms.from ?? '?')}–${String(terms.to ?? '?')}`);
    table(doc, [110, 110, 275], [both('kind'), both('name'), both('value')], termsLines(terms));
    doc.moveDown(0.3);
    doc.fillColor(colour.muted).text(both('paymentFormula'), page.margin, doc.y, { width: page.width });
    doc.fillColor(colour.ink);
  } else {
    doc.text(both('noTerms'), page.margin, doc.y, { width: page.width });
  }

  heading(doc, 'signatures');
  table(
    doc,
    [85, 170, 240],
    [both('side'), both('signatory'), both('signedAt')],
    agreement.signatories.map((s) => [sideLabel(s.side), `${s.name}\n${s.organisation.nameZh} · ${s.organisation.name}\n${s.email}`, s.signedAt ? beijingTime(s.signedAt) : both('notSigned')]),
  );
  doc.moveDown(0.3).fillColor(colour.muted).text(both('passwordNote'), page.margin, doc.y, { width: page.width });
  doc.fillColor(colour.ink);

  heading(doc, 'hash');
  if (agreement.hash) {
    field(doc, 'SHA-256', agreement.hash, 8);
    if (agreement.auditedHash) field(doc, both('auditedHash'), agreement.auditedHash, 8);
    if (agreement.hashVerified) {
      doc.fillColor(colour.good).text(both('verified'), page.margin, doc.y, { width: page.width });
    } else if (agreement.hash === agreement.recomputedHash) {
      doc
        .fillColor(colour.bad)
        .text(
          `${says.zh('rehashed', { audited: agreement.auditedHash ?? says.zh('noneRecorded') })} ${says.en('rehashed', { audited: agreement.auditedHash ?? says.en('noneRecorded') })}`,
          page.margin,
          doc.y,
          { width: page.width },
        );
    } else {
      doc.fillColor(colour.bad).text(both('changed', { recomputed: agreement.recomputedHash }), page.margin, doc.y, { width: page.width });
    }
  } else if (agreement.status === 'ARCHIVED') {
    doc.fillColor(colour.bad).text(both('hashMissing'), page.margin, doc.y, { width: page.width });
  } else {
    doc.fillColor(colour.muted).text(both('hashNotYet'), page.margin, doc.y, { width: page.width });
  }
  doc.fillColor(colour.ink);

  heading(doc, 'audit');
  table(
    doc,
    [35, 130, 125, 95, 110],
    ['#', both('time'), both('action'), both('by'), both('eventHash')],
    agreement.audit.map((e) => [
      String(e.seq),
      beijingTime(e.at),
      `${auditSentenceText(e.description, translators.zh, 'zh', unit)}\n${auditSentenceText(e.description, translators.en, 'en', unit)}`,
      e.actor ?? '—',
      `${e.hash.slice(0, 16)}…`,
    ]),
  );
  if (chainHead) {
    heading(doc, 'anchor');
    field(doc, both('chain'), chainHead.chain, 8);
    field(doc, both('newestEvent'), `#${chainHead.seq}`);
    field(doc, both('eventHash'), chainHead.hash, 7.5);
    field(doc, both('anchored'), beijingTime(chainHead.at));
    doc.fillColor(colour.muted).text(both('anchorNote'), page.margin, doc.y, { width: page.width });
    doc.fillColor(colour.ink);
  }

  // Footers last, on every buffered page; a zero bottom margin keeps pdfkit from adding a page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(7.5)
      .fillColor(colour.muted)
      .text(
        `${both('footerAgreement')} No. ${agreement.number} · ${agreement.hash ? `SHA-256 ${agreement.hash.slice(0, 16)}…` : both('draft')} · ${both('generated')} ${beijingTime(generatedAt.toISOString())} · ${i + 1}/${range.count}`,
        page.margin,
        doc.page.height - 30,
        { width: page.width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** The PDF of an agreement the actor may view; drafts render too, marked as awaiting signatures. */
export async function renderAgreementPdf({ actor, origin, dealId, agreementId }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string }) {
  const agreement = await getAgreement({ actor, origin, dealId, agreementId });
  const bytes = await agreementPdf(agreement, new Date(), actor.amountUnit, await anchorDealChainHead(dealId));
  return { bytes, fileName: `agreement-${agreement.deal.slug}-${agreement.number}.pdf`, hash: agreement.hash, hashVerified: agreement.hashVerified };
}
