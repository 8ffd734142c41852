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
function cjkFont(): Buffer {
  if (!fontBytes) {
    const file = path.join(process.cwd(), fontFile);
    if (!existsSync(file)) throw new Error(`The PDF font is missing at ${file}: run the server from the project root with its node_modules installed.`);
    fontBytes = readFileSync(file);
  }
  return fontBytes;
}

const sideLabel: Record<string, string> = { UPSTREAM: '上游 Upstream', DOWNSTREAM: '下游 Downstream', FUND: '水基金 Water fund', OBSERVER: '观察方 Observer' };
const statusLabel: Record<string, string> = {
  DRAFT: '草案，待签署 · Draft, awaiting signatures',
  ARCHIVED: '已签署并归档 · Signed and archived',
  VOID: '已作废 · Void',
};

// The audit summary's sentences in both languages, from the catalogue the pages use.
const translators: Record<'zh' | 'en', Translate> = {
  zh: createTranslator({ locale: 'zh', messages: zh }) as unknown as Translate,
  en: createTranslator({ locale: 'en', messages: en }) as unknown as Translate,
};

/** Beijing time with seconds: what a signatory saw on the clock when signing. */
export function beijingTime(iso: string): string {
  return `${formatDateTime(iso, 'zh', { numeric: true })} UTC+8`;
}

/** Digits grouped by thousands without passing through a JavaScript number. */
function grouped(decimal: string): string {
  const [whole = '0', fraction] = decimal.replace(/^-/, '').split('.');
  const sign = decimal.startsWith('-') ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

type Doc = PDFKit.PDFDocument;

const page = { margin: 50, width: 595.28 - 100 };
const colour = { ink: '#1e293b', muted: '#64748b', rule: '#cbd5e1', water: '#185a79', bad: '#b91c1c', good: '#15803d' };

function heading(doc: Doc, zh: string, en: string) {
  ensureSpace(doc, 40);
  doc.moveDown(0.8).fontSize(12).fillColor(colour.water).text(`${zh}  ${en}`, page.margin, doc.y, { width: page.width });
  doc.moveDown(0.3).fillColor(colour.ink).fontSize(9.5);
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** `size` smaller for hashes, so 64 hex digits stay on one line and copy as one. */
function field(doc: Doc, label: string, value: string, size = 9.5) {
  ensureSpace(doc, 16);
  const y = doc.y;
  doc.fontSize(9.5).fillColor(colour.muted).text(label, page.margin, y, { width: 150 });
  const labelBottom = doc.y;
  doc.fontSize(size).fillColor(colour.ink).text(value, page.margin + 155, y + (9.5 - size) / 2, { width: page.width - 155 });
  doc.fontSize(9.5);
  doc.y = Math.max(doc.y, labelBottom);
  doc.x = page.margin;
}

function table(doc: Doc, widths: number[], header: string[], rows: string[][]) {
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
    doc.moveTo(page.margin, y + height).lineTo(page.margin + page.width, y + height).lineWidth(0.5).strokeColor(colour.rule).stroke();
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
  for (const [name, value] of Object.entries(constants)) rows.push(['常量 constant', name, String(value)]);
  for (const [name, unit] of Object.entries(indicators)) rows.push(['指标 indicator', name, String(unit)]);
  for (const formula of formulas) rows.push(['公式 formula', String(formula.name ?? ''), String(formula.expr ?? '')]);
  return rows;
}

/** The agreement as a bilingual A4 document: terms, schedule, signatures with times, hash and audit summary. */
export function agreementPdf(agreement: AgreementDetail, generatedAt = new Date(), unit: ReaderUnit = defaultReaderUnit, chainHead: Anchor | null = null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: page.margin,
    bufferPages: true,
    info: {
      Title: `生态补偿协议 No. ${agreement.number} · Eco-compensation agreement No. ${agreement.number}`,
      Subject: `${agreement.deal.nameZh} · ${agreement.deal.name}`,
      Keywords: agreement.hash ? `sha256:${agreement.hash}` : 'draft',
      Creator: 'PES negotiation platform',
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

  doc.fontSize(18).fillColor(colour.water).text(`流域生态补偿协议 第 ${agreement.number} 号`);
  doc.fontSize(13).text(`Watershed eco-compensation agreement No. ${agreement.number}`);
  doc.moveDown(0.4).fontSize(10.5).fillColor(agreement.status === 'ARCHIVED' ? colour.good : colour.muted).text(statusLabel[agreement.status] ?? agreement.status);
  doc.fillColor(colour.ink).fontSize(9.5).moveDown(0.6);

  field(doc, '项目 Deal', `${agreement.deal.nameZh}\n${agreement.deal.name}`);
  field(doc, '流域 Watershed', `${agreement.deal.watershedZh} · ${agreement.deal.watershed}`);
  field(doc, '期限 Term', `${agreement.startYear}–${agreement.endYear}`);
  field(doc, '币种与单位 Currency, unit', `${agreement.currency}, ${grouped(String(agreement.unit))} · ${agreement.priceBase}`);
  field(doc, '情景版本 Scenario version', `${agreement.version.scenarioName ?? agreement.version.id} v${agreement.version.number ?? '?'}`);
  field(doc, '情景文档哈希 Scenario hash', agreement.version.documentHash, 7.5);
  field(doc, '报价 Offer', `No. ${agreement.offerNumber}`);
  field(doc, '起草时间 Drafted', beijingTime(agreement.draftedAt));
  if (agreement.archivedAt) field(doc, '归档时间 Archived', beijingTime(agreement.archivedAt));

  heading(doc, '协议双方', 'Parties');
  for (const party of agreement.parties) {
    field(doc, sideLabel[party.side] ?? party.side, party.organisations.map((o) => `${o.nameZh} · ${o.name}`).join('\n') || '—');
  }
  field(doc, '付款方向 Direction', '下游向上游付款 · the downstream party pays the upstream party');

  heading(doc, '付款计划', 'Payment schedule');
  table(
    doc,
    [90, 175, 230],
    ['年份 Years', `每年金额 Per year (${agreement.currency})`, '依据 Basis'],
    agreement.schedule.map((entry) => [
      entry.from === entry.to ? String(entry.from) : `${entry.from}–${entry.to}`,
      grouped(entry.perYear),
      'amount' in entry
        ? `${grouped(entry.amount)} × ${grouped(String(agreement.unit))} ${agreement.currency}`
        : `${entry.pricePerM3} ${agreement.currency}/m³ × ${grouped(entry.volume)} m³`,
    ]),
  );
  doc.moveDown(0.3);
  field(doc, '合计 Total', `${grouped(agreement.totalAmount)} ${agreement.currency}`);

  heading(doc, '绩效挂钩条款', 'Performance-linked terms');
  if (agreement.terms) {
    const terms = agreement.terms;
    field(doc, '名称 Name', String(terms.name ?? '—'));
    field(doc, '年份 Years', `${String(terms.from ?? '?')}–${String(terms.to ?? '?')}`);
    table(doc, [110, 110, 275], ['类别 Kind', '名称 Name', '值 Value'], termsLines(terms));
    doc.moveDown(0.3);
    doc.fillColor(colour.muted).text('公式名为 payment 者即每年应付金额；正数由下游付给上游，负数反之。 The formula named "payment" is the amount due each year: positive, downstream pays upstream; negative, the reverse.', page.margin, doc.y, { width: page.width });
    doc.fillColor(colour.ink);
  } else {
    doc.text('无：按上表固定金额付款。 None: the fixed amounts above are paid.', page.margin, doc.y, { width: page.width });
  }

  heading(doc, '签署', 'Signatures');
  table(
    doc,
    [85, 170, 240],
    ['一方 Side', '签署人 Signatory', '签署时间 Signed at'],
    agreement.signatories.map((s) => [sideLabel[s.side] ?? s.side, `${s.name}\n${s.organisation.nameZh} · ${s.organisation.name}\n${s.email}`, s.signedAt ? beijingTime(s.signedAt) : '未签署 not signed']),
  );
  doc.moveDown(0.3).fillColor(colour.muted).text('每位签署人在签署时重新输入了本人密码。 Each signatory re-entered their own password to sign.', page.margin, doc.y, { width: page.width });
  doc.fillColor(colour.ink);

  heading(doc, '哈希', 'Hash (SHA-256 of the canonical JSON)');
  if (agreement.hash) {
    field(doc, 'SHA-256', agreement.hash, 8);
    if (agreement.auditedHash) field(doc, '归档时审计记录 Audit record at archiving', agreement.auditedHash, 8);
    if (agreement.hashVerified) {
      doc.fillColor(colour.good).text('已核验：与存储内容重新计算的哈希及归档时审计记录的哈希一致。 Verified: recomputed from the stored agreement, it matches, as does the hash the audit trail recorded at archiving.', page.margin, doc.y, { width: page.width });
    } else if (agreement.hash === agreement.recomputedHash) {
      doc.fillColor(colour.bad).text(`核验失败：存储的哈希与归档时审计记录的哈希不一致，协议在归档后被改动并重新计算了哈希。 VERIFICATION FAILED: the stored hash differs from the one the audit trail recorded at archiving (${agreement.auditedHash ?? 'none recorded'}): the agreement was changed after archiving and its hash recomputed.`, page.margin, doc.y, { width: page.width });
    } else {
      doc.fillColor(colour.bad).text(`核验失败：存储内容已被改动。 VERIFICATION FAILED: the stored agreement no longer matches its hash (recomputed ${agreement.recomputedHash}).`, page.margin, doc.y, { width: page.width });
    }
  } else if (agreement.status === 'ARCHIVED') {
    doc.fillColor(colour.bad).text('核验失败：已归档协议缺少哈希。 VERIFICATION FAILED: an archived agreement without a hash.', page.margin, doc.y, { width: page.width });
  } else {
    doc.fillColor(colour.muted).text('尚未生成：全部签署后归档时计算。 Not yet: computed when the last signature archives the agreement.', page.margin, doc.y, { width: page.width });
  }
  doc.fillColor(colour.ink);

  heading(doc, '审计摘要', 'Audit summary');
  table(
    doc,
    [35, 130, 125, 95, 110],
    ['#', '时间 Time', '操作 Action', '操作人 By', '事件哈希 Event hash'],
    agreement.audit.map((e) => [String(e.seq), beijingTime(e.at), `${auditSentenceText(e.description, translators.zh, 'zh', unit)}\n${auditSentenceText(e.description, translators.en, 'en', unit)}`, e.actor ?? '—', `${e.hash.slice(0, 16)}…`]),
  );
  if (chainHead) {
    heading(doc, '审计链锚点', 'Audit chain anchor');
    field(doc, '链 Chain', chainHead.chain, 8);
    field(doc, '最新事件 Newest event', `#${chainHead.seq}`);
    field(doc, '事件哈希 Event hash', chainHead.hash, 7.5);
    field(doc, '锚定时间 Anchored', beijingTime(chainHead.at));
    doc.fillColor(colour.muted).text('此链头已写入数据库之外的锚点日志；npm run audit:verify 可据此发现其后被改写或删除的事件。 This head was written to the anchor log outside the database; npm run audit:verify detects events rewritten or deleted behind it.', page.margin, doc.y, { width: page.width });
    doc.fillColor(colour.ink);
  }

  // Footers last, on every buffered page; a zero bottom margin keeps pdfkit from adding a page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(7.5).fillColor(colour.muted).text(
      `协议 No. ${agreement.number} · ${agreement.hash ? `SHA-256 ${agreement.hash.slice(0, 16)}…` : '草案 draft'} · 生成于 generated ${beijingTime(generatedAt.toISOString())} · ${i + 1}/${range.count}`,
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
