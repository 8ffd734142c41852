import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { Anchor } from '@/lib/infra/audit-anchors';
import { anchorDealChainHead } from '@/lib/server/audit/chain-anchors';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import type { AgreementDetail } from '@/lib/contracts/agreements';
import { getAgreement } from './get-agreement';
import { createTranslator } from 'next-intl';
import { auditSentenceText, type Translate } from '@/lib/domain/audit-text';
import { defaultReaderUnit, type ReaderUnit } from '@/lib/domain/format';
import { beijingTime, bilingual, bothLabels, colour, field, finish, grouped, heading, note, startDocument, table, titleBlock } from '@/lib/server/pdf/bilingual-pdf';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import type packageJson from '@/package.json';

/** The command that checks the audit chain against its anchor log (package.json's script). */
const auditVerifyCommand = 'npm run audit:verify' satisfies `npm run ${keyof (typeof packageJson)['scripts']}`;

// The agreement binds both sides in both languages: every label and sentence is printed in Chinese,
// then English, both from the catalogue the pages use (namespace agreementPdf; docs/decisions/0032-one-catalogue.md).
const translators: Record<'zh' | 'en', Translate> = {
  zh: createTranslator({ locale: 'zh', messages: zh }) as unknown as Translate,
  en: createTranslator({ locale: 'en', messages: en }) as unknown as Translate,
};
const { say: says, both } = bilingual('agreementPdf');

const sideLabel = (side: string): string => bothLabels({ zh: zh.side, en: en.side }, side);
const statusLabel = (status: string): string => (status === 'DRAFT' || status === 'ARCHIVED' || status === 'VOID' ? both(`status.${status}`, undefined, ' · ') : status);

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
  const { doc, done } = startDocument({
    Title: both('documentTitle', { number: agreement.number }, ' · '),
    Subject: `${agreement.deal.nameZh} · ${agreement.deal.name}`,
    Keywords: agreement.hash ? `sha256:${agreement.hash}` : 'draft',
    Creator: both('creator', undefined, ' · '),
  });
  titleBlock(
    doc,
    { zh: says.zh('title', { number: agreement.number }), en: says.en('title', { number: agreement.number }) },
    statusLabel(agreement.status),
    agreement.status === 'ARCHIVED' ? colour.good : colour.muted,
  );

  field(doc, both('deal'), `${agreement.deal.nameZh}\n${agreement.deal.name}`);
  field(doc, both('watershed'), `${agreement.deal.watershedZh} · ${agreement.deal.watershed}`);
  field(doc, both('term'), `${agreement.startYear}–${agreement.endYear}`);
  field(doc, both('currencyUnit'), `${agreement.currency}, ${grouped(String(agreement.unit))} · ${agreement.priceBase}`);
  field(doc, both('scenarioVersion'), `${agreement.version.scenarioName ?? agreement.version.id} ${both('versionNumber', { number: agreement.version.number ?? '?' }, ' · ')}`);
  field(doc, both('scenarioHash'), agreement.version.documentHash, 7.5);
  field(doc, both('offer'), both('offerNumber', { number: agreement.offerNumber }, ' · '));
  field(doc, both('drafted'), beijingTime(agreement.draftedAt));
  if (agreement.archivedAt) field(doc, both('archived'), beijingTime(agreement.archivedAt));

  heading(doc, both('parties', undefined, '  '));
  for (const party of agreement.parties) {
    field(doc, sideLabel(party.side), party.organisations.map((o) => `${o.nameZh} · ${o.name}`).join('\n') || '—');
  }
  field(doc, both('direction'), both('directionValue', undefined, ' · '));

  heading(doc, both('schedule', undefined, '  '));
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

  heading(doc, both('terms', undefined, '  '));
  if (agreement.terms) {
    const terms = agreement.terms;
    field(doc, both('name'), String(terms.name ?? '—'));
    field(doc, both('years'), `${String(terms.from ?? '?')}–${String(terms.to ?? '?')}`);
    table(doc, [110, 110, 275], [both('kind'), both('name'), both('value')], termsLines(terms));
    doc.moveDown(0.3);
    note(doc, both('paymentFormula'));
  } else {
    note(doc, both('noTerms'), colour.ink);
  }

  heading(doc, both('signatures', undefined, '  '));
  table(
    doc,
    [85, 170, 240],
    [both('side'), both('signatory'), both('signedAt')],
    agreement.signatories.map((s) => [sideLabel(s.side), `${s.name}\n${s.organisation.nameZh} · ${s.organisation.name}\n${s.email}`, s.signedAt ? beijingTime(s.signedAt) : both('notSigned')]),
  );
  doc.moveDown(0.3);
  note(doc, both('passwordNote'));

  heading(doc, both('hash', undefined, '  '));
  if (agreement.hash) {
    field(doc, 'SHA-256', agreement.hash, 8);
    if (agreement.auditedHash) field(doc, both('auditedHash'), agreement.auditedHash, 8);
    if (agreement.hashVerified) note(doc, both('verified'), colour.good);
    else if (agreement.hash === agreement.recomputedHash)
      note(doc, both('rehashed', { zh: { audited: agreement.auditedHash ?? says.zh('noneRecorded') }, en: { audited: agreement.auditedHash ?? says.en('noneRecorded') } }), colour.bad);
    else note(doc, both('changed', { recomputed: agreement.recomputedHash }), colour.bad);
  } else if (agreement.status === 'ARCHIVED') {
    note(doc, both('hashMissing'), colour.bad);
  } else {
    note(doc, both('hashNotYet'));
  }

  heading(doc, both('audit', undefined, '  '));
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
    heading(doc, both('anchor', undefined, '  '));
    field(doc, both('chain'), chainHead.chain, 8);
    field(doc, both('newestEvent'), `#${chainHead.seq}`);
    field(doc, both('eventHash'), chainHead.hash, 7.5);
    field(doc, both('anchored'), beijingTime(chainHead.at));
    note(doc, both('anchorNote', { command: auditVerifyCommand }));
  }

  finish(
    doc,
    (pageNumber, pages) =>
      `${both('footerAgreement')} No. ${agreement.number} · ${agreement.hash ? `SHA-256 ${agreement.hash.slice(0, 16)}…` : both('draft')} · ${both('generated')} ${beijingTime(generatedAt.toISOString())} · ${pageNumber}/${pages}`,
  );
  return done;
}

/** The PDF of an agreement the actor may view; drafts render too, marked as awaiting signatures. */
export async function renderAgreementPdf({ actor, origin, dealId, agreementId }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string }) {
  const agreement = await getAgreement({ actor, origin, dealId, agreementId });
  const bytes = await agreementPdf(agreement, new Date(), actor.amountUnit, await anchorDealChainHead(dealId));
  return { bytes, fileName: `agreement-${agreement.deal.slug}-${agreement.number}.pdf`, hash: agreement.hash, hashVerified: agreement.hashVerified };
}
