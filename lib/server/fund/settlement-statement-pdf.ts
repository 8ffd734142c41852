import 'server-only';
import type { OrganisationName, PaymentDto, Sample, SettlementDto } from '@/lib/contracts/fund';
import { traceSampleLists } from '@/lib/domain/monitoring';
import type { Anchor } from '@/lib/infra/audit-anchors';
import { organisationNames, type Transfer } from '@/lib/domain/settlement-transfers';
import { beijingTime, bilingual, bothLabels, colour, field, finish, grouped, heading, note, startDocument, table, titleBlock, type Doc } from '@/lib/server/pdf/bilingual-pdf';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

/**
 * A settlement as a bilingual A4 statement an accountant can file: the monitoring results it rests
 * on, every formula with its values, the advances (what the terms call for and what was paid), the
 * one binding balance, who pays whom, who ran and confirmed it, the agreement's hash and the head
 * of the deal's audit chain. Labels come from the catalogue (namespace statementPdf), Chinese
 * first; the page, the font and the layout are the platform's printed documents' (lib/server/pdf).
 */

export interface StatementInput {
  indicator: string;
  unit: string;
  /** The value the settlement used, and the fund's resolution where there was one. */
  used: string | null;
  resolution: { value: string | null; note: string } | null;
  results: { side: string; laboratory: string; value: string | null; samples: Sample[] | null; sampledFrom: string; sampledTo: string; enteredBy: string }[];
  /** The dated samples the settlement read (decision 0097), or null for one value. */
  samples: Sample[] | null;
}

export interface StatementData {
  agreement: { number: number; startYear: number; endYear: number; hash: string | null };
  deal: { name: string; nameZh: string; watershed: string; watershedZh: string };
  settlement: SettlementDto;
  inputs: StatementInput[];
  payments: PaymentDto[];
  chainHead: Anchor | null;
}

const { say: says, both } = bilingual('statementPdf');

const funderLabel = (code: string) => bothLabels({ zh: zh.fund.funder, en: en.fund.funder }, code);
const sideLabel = (code: string) => bothLabels({ zh: zh.side, en: en.side }, code);
const indicatorLabel = (code: string) => plainScripts(code in zh.indicator ? bothLabels({ zh: zh.indicator, en: en.indicator }, code) : code);

// Noto Sans SC has ² and ³ but not the other sub- and superscript digits (NH₃-N, 10⁸ m³): those print
// as ordinary digits, a superscript after a caret, rather than as empty boxes.
const subscripts = '₀₁₂₃₄₅₆₇₈₉';
const superscripts = '⁰¹⁴⁵⁶⁷⁸⁹';
const superscriptDigits = '01456789';
export function plainScripts(text: string): string {
  return text.replace(/[₀-₉]/g, (c) => String(subscripts.indexOf(c))).replace(/[⁰¹⁴-⁹]+/g, (run) => `^${[...run].map((c) => superscriptDigits[superscripts.indexOf(c)]).join('')}`);
}
const directionLabel = (code: string) => bothLabels({ zh: zh.fund.settlements.direction, en: en.fund.settlements.direction }, code, ' · ');

/** Whole currency to the fen with the currency and price base. */
const money = (amount: string, s: Pick<SettlementDto, 'currency' | 'priceBase'>) => `${grouped(amount)} ${s.currency} · ${s.priceBase}`;

const section = (doc: Doc, key: Parameters<typeof both>[0]) => heading(doc, both(key, undefined, '  '));

/** Samples as a line: "2024-01-15 2.1 · 2024-02-15 <0.01 · …". */
const sampleLine = (samples: readonly Sample[]) => samples.map((sample) => `${sample.on} ${sample.value}`).join(' · ');

/** An organisation the terms name, Chinese then English (one name when the terms give one, or they are the same). */
function organisationBoth(p: { id: string | null; name: string | null; nameZh: string | null }): string {
  const names = [...new Set([p.nameZh, p.name].filter((n): n is string => Boolean(n)))];
  return names.length ? names.join('\n') : (p.id ?? '');
}

/** Who a funder or the upstream party is, by organisation where the agreement names one. */
function partyName(who: 'CENTRAL' | 'DOWNSTREAM' | 'UPSTREAM', parties: Record<'UPSTREAM' | 'DOWNSTREAM', OrganisationName[]>, lang: 'zh' | 'en'): string {
  const organisations = who === 'CENTRAL' ? null : organisationNames(parties[who], lang);
  return organisations ?? (lang === 'zh' ? zh.fund.funder[who] : en.fund.funder[who]);
}

function transferSentence(transfer: Transfer, s: SettlementDto): string {
  const amount = money(transfer.amount, s);
  const sentence = (lang: 'zh' | 'en') => {
    const funder = partyName(transfer.funder, s.parties, lang);
    const upstream = partyName('UPSTREAM', s.parties, lang);
    const [payer, payee] = transfer.payer === 'FUNDER' ? [funder, upstream] : [upstream, funder];
    const reason = says[lang](`reason.${transfer.reason}`);
    return `${says[lang]('transfer', { payer, payee, amount })}${lang === 'zh' ? `（${reason}）` : ` (${reason})`}`;
  };
  return `${sentence('zh')}\n${sentence('en')}`;
}

export function settlementStatementPdf(data: StatementData, generatedAt = new Date()): Promise<Buffer> {
  const s = data.settlement;
  const { number } = data.agreement;
  const { doc, done } = startDocument({
    Title: `${both('title', undefined, ' · ')} · ${both('subtitle', { number, year: s.year }, ' · ')}`,
    Subject: `${data.deal.nameZh} · ${data.deal.name}`,
    Keywords: data.agreement.hash ? `sha256:${data.agreement.hash}` : 'unsigned',
    Creator: both('creator', undefined, ' · '),
  });
  titleBlock(
    doc,
    { zh: `${says.zh('title')} · ${says.zh('subtitle', { number, year: s.year })}`, en: `${says.en('title')} · ${says.en('subtitle', { number, year: s.year })}` },
    both(`status.${s.status}`, undefined, ' · '),
    s.status === 'CONFIRMED' ? colour.good : colour.bad,
  );

  field(doc, both('deal'), `${data.deal.nameZh}\n${data.deal.name}`);
  field(doc, both('watershed'), `${data.deal.watershedZh} · ${data.deal.watershed}`);
  field(doc, both('term'), `${data.agreement.startYear}–${data.agreement.endYear}`);
  field(doc, both('currencyBase'), `${s.currency} · ${s.priceBase}`);
  field(
    doc,
    both('shares'),
    Object.entries(s.shares)
      .map(([funder, share]) => `${funderLabel(funder)} ${share}`)
      .join('\n'),
  );

  section(doc, 'inputs');
  if (data.inputs.length) {
    table(
      doc,
      [105, 150, 70, 95, 75],
      [both('indicator'), both('lab'), both('value'), both('sampled'), both('used')],
      data.inputs.flatMap((input) =>
        input.results.map((r, i) => [
          i === 0 ? `${indicatorLabel(input.indicator)}\n${plainScripts(input.unit)}` : '',
          `${sideLabel(r.side)}\n${r.laboratory}\n${both('enteredBy')}: ${r.enteredBy}`,
          r.samples && r.value !== null ? `${r.value}\n${both('sampleMean', { count: r.samples.length }, '\n')}` : (r.value ?? '—'),
          `${r.sampledFrom}\n${r.sampledTo}`,
          i === 0 ? `${input.used ?? '—'}${input.resolution ? `\n${both('resolution', { value: input.resolution.value ?? '—', note: input.resolution.note }, '\n')}` : ''}` : '',
        ]),
      ),
    );
    for (const input of data.inputs) {
      if (input.samples) note(doc, `${both('samplesRead', { indicator: indicatorLabel(input.indicator), count: input.samples.length })}: ${sampleLine(input.samples)}`);
    }
  } else {
    note(doc, both('noInputs'));
  }

  section(doc, 'formulas');
  table(
    doc,
    [70, 150, 175, 100],
    [both('name'), both('formula'), both('substituted'), both('result')],
    s.trace.map((step) => [step.name, step.expr, step.substituted, step.value]),
  );
  for (const step of s.trace) {
    for (const list of traceSampleLists(step.samples)) {
      const what = list.aggregate && list.indicator ? `${list.aggregate}(${list.indicator})${list.value !== null ? ` = ${list.value}` : ''}` : list.indicator ? indicatorLabel(list.indicator) : null;
      const samples = list.samples
        .map(
          (x) =>
            `${x.on} ${x.value}${x.counted !== null && x.counted !== x.value ? ` (${x.counted})` : ''}${x.meets === null ? '' : ` ${both(x.meets ? 'sampleMet' : 'sampleNotMet', undefined, '/')}`}`,
        )
        .join(' · ');
      note(doc, `${both('stepSamples', { name: what ? `${step.name} · ${what}` : step.name })}: ${samples}`);
    }
  }

  section(doc, 'amounts');
  field(doc, both('due'), `${money(s.due, s)}\n${both('dueBasis', { payment: s.payment, unit: grouped(String(s.unit)) }, '\n')}`);
  field(doc, both('direction'), directionLabel(s.direction));
  field(doc, both('termsAdvance'), s.termsAdvance === null ? both('noTermsAdvance', undefined, ' · ') : money(s.termsAdvance, s));
  field(doc, both('advancesPaid'), money(s.advances, s));
  if (s.advanceDifference !== null) {
    const differs = s.advanceDifference !== '0.00';
    note(doc, differs ? both('advanceDiffers', { amount: money(s.advanceDifference, s) }) : both('advanceMatches'), differs ? colour.bad : colour.good);
  }
  doc.moveDown(0.3);
  doc.fontSize(11);
  field(doc, both('balance'), money(s.balance, s), 11);
  doc.fontSize(9.5);
  note(doc, both('balanceNote'));

  section(doc, 'funders');
  table(
    doc,
    [130, 55, 105, 105, 100],
    [both('funder'), both('share'), both('due'), both('advancesPaid'), both('funderBalance')],
    s.funders.map((f) => [funderLabel(f.funder), s.shares[f.funder] ?? '0', grouped(f.due), grouped(f.advances), grouped(f.balance)]),
  );

  if (s.byParty?.length) {
    // Each party's part (docs/decisions/0098, 0110): the upstream parties, then each payer of its funder line.
    section(doc, 'byParty');
    table(
      doc,
      [120, 130, 85, 85, 75],
      [both('organisation'), both('role'), both('due'), both('advancesPaid'), both('funderBalance')],
      s.byParty.map((p) => [
        p.id === null ? funderLabel('CENTRAL') : organisationBoth(p),
        p.funder === null ? both('receives', undefined, '\n') : both('pays', { zh: { line: zh.fund.funder[p.funder] }, en: { line: en.fund.funder[p.funder] } }, '\n'),
        grouped(p.due),
        grouped(p.advances),
        grouped(p.balance),
      ]),
    );
    note(doc, both('byPartyNote'));
  }

  section(doc, 'payers');
  if (s.transfers.length) for (const transfer of s.transfers) note(doc, transferSentence(transfer, s), colour.ink);
  else note(doc, both('nothingToPay'), colour.ink);

  section(doc, 'payments');
  if (data.payments.length) {
    const byId = new Map(data.payments.map((p) => [p.id, p]));
    table(
      doc,
      [70, 105, 110, 95, 115],
      [both('paidOn'), both('funder'), both('direction'), both('amount'), both('reference')],
      data.payments.map((p) => {
        const reversed = p.reversesId ? byId.get(p.reversesId) : undefined;
        const reversal = p.reversesId ? `\n${both('reverses', { date: reversed?.paidOn ?? p.reversesId, reason: p.reversalReason ?? '' }, '\n')}` : '';
        return [p.paidOn, p.party ? `${funderLabel(p.funder)}\n${organisationBoth(p.party)}` : funderLabel(p.funder), directionLabel(p.direction), grouped(p.amount), `${p.reference}${reversal}`];
      }),
    );
  } else {
    note(doc, both('noPayments'));
  }

  section(doc, 'run');
  field(doc, both('runBy'), both('at', { name: s.runBy ?? '—', at: beijingTime(s.runAt) }, '\n'));
  field(doc, both('confirmedBy'), s.confirmedAt ? both('at', { name: s.confirmedBy ?? '—', at: beijingTime(s.confirmedAt) }, '\n') : both('notConfirmed', undefined, ' · '));
  field(doc, both('fingerprint'), s.fingerprint, 7.5);

  section(doc, 'integrity');
  field(doc, both('agreementHash'), data.agreement.hash ?? both('noHash', undefined, ' · '), 7.5);
  if (data.chainHead) {
    field(doc, both('chain'), data.chainHead.chain, 8);
    field(doc, both('chainHead'), `#${data.chainHead.seq}`);
    field(doc, both('chainHeadHash'), data.chainHead.hash, 7.5);
    field(doc, both('anchored'), beijingTime(data.chainHead.at));
  } else {
    field(doc, both('chain'), both('noChain', undefined, ' · '));
  }

  finish(doc, (pageNumber, pages) => `${both('footer')} · No. ${number} · ${s.year} · ${both('generated')} ${beijingTime(generatedAt.toISOString())} · ${pageNumber}/${pages}`);
  return done;
}
