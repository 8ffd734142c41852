import 'server-only';
import type { PaymentDto } from '@/lib/contracts/fund';
import type { Actor } from '@/lib/domain/actor';
import type { AppLocale } from '@/lib/domain/locale';
import { ledgerToCsv, ledgerToXlsx, type LedgerExportLine, type LedgerExportParty, type LedgerExportPayment, type LedgerLabels } from '@/lib/interchange/ledger-table';
import type { LedgerPartyLine } from '@/lib/domain/party-split';
import { labelOr, readerTranslator } from '@/lib/server/i18n/reader-translator';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { ledgerOf, partyLedgerOf } from './administration';
import { paymentDtos } from './fund-dto';
import { loadPortfolio } from './get-fund-portfolio';
import { getLedger } from './get-ledger';
import { beijingDay } from '@/lib/domain/format';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's headers, sheets, funders and directions in the reader's language, from the catalogue. */
function ledgerLabels(locale: AppLocale): LedgerLabels {
  const t = readerTranslator(locale);
  return {
    column: (name) => t(`exports.ledger.column.${name}`),
    sheet: { lines: t('exports.ledger.sheet.lines'), payments: t('exports.ledger.sheet.payments'), parties: t('exports.ledger.sheet.parties') },
    funder: (code) => labelOr(t, `fund.funder.${code}`, code),
    direction: (code) => labelOr(t, `fund.settlements.direction.${code}`, code),
    role: (code) => labelOr(t, `fund.parties.roles.${code}`, code),
  };
}

/** An organisation's part of a line as the export writes it: its name in the reader's language. */
function exportParty(deal: string, agreement: number, p: LedgerPartyLine, locale: AppLocale): LedgerExportParty {
  const name = p.id === null ? labelOr(readerTranslator(locale), 'fund.funder.CENTRAL', 'CENTRAL') : ((locale === 'zh' ? p.nameZh : p.name) ?? p.nameZh ?? p.name ?? p.id);
  return { deal, agreement, year: p.year, organisation: name, role: p.role, funder: p.funder ?? '', scheduled: p.scheduled, settled: p.settled, paid: p.paid, outstanding: p.outstanding };
}

/** An organisation's name in the reader's language, as the terms give it. */
const organisationOf = (p: PaymentDto, locale: AppLocale) => (p.party ? ((locale === 'zh' ? p.party.nameZh : p.party.name) ?? p.party.nameZh ?? p.party.name ?? p.party.id ?? '') : '');

/** A payment row of the export, with the reversal it is or that undid it. */
function exportPayment(deal: string, agreement: number, p: PaymentDto, locale: AppLocale): LedgerExportPayment {
  return {
    id: p.id,
    deal,
    agreement,
    year: p.year,
    funder: p.funder,
    organisation: organisationOf(p, locale),
    direction: p.direction,
    amount: p.amount,
    paidOn: p.paidOn,
    reference: p.reference,
    overpaymentNote: p.overpaymentNote,
    reverses: p.reversesId,
    reversalReason: p.reversalReason,
    reversedBy: p.reversedById,
    recordedBy: p.recordedBy,
    recordedAt: p.recordedAt,
  };
}

async function encode(format: 'csv' | 'xlsx', name: string, lines: LedgerExportLine[], payments: LedgerExportPayment[], locale: AppLocale, parties: LedgerExportParty[] = []) {
  const labels = ledgerLabels(locale);
  // The BOM lets Excel open the UTF-8 CSV with its Chinese deal names intact.
  if (format === 'csv') return { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', bytes: Buffer.from(`\uFEFF${ledgerToCsv(lines, labels, parties)}`, 'utf8') };
  return { fileName: `${name}.xlsx`, contentType: xlsxType, bytes: await ledgerToXlsx(lines, payments, labels, parties) };
}

/** One agreement's ledger as CSV (the lines) or .xlsx (lines and payments); the view right. */
export async function exportAgreementLedger({ actor, origin, dealId, agreementId, format }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string; format: 'csv' | 'xlsx' }) {
  const ledger = await getLedger({ actor, origin, dealId, agreementId });
  const deal = ledger.deal.slug;
  return encode(
    format,
    `ledger-${deal}-${ledger.agreement.number}`,
    ledger.lines.map((l) => ({ deal, agreement: ledger.agreement.number, year: l.year, funder: l.funder, scheduled: l.scheduled, settled: l.settled, paid: l.paid, outstanding: l.outstanding })),
    ledger.payments.map((p) => exportPayment(deal, ledger.agreement.number, p, actor.locale)),
    actor.locale,
    ledger.byParty.map((p) => exportParty(deal, ledger.agreement.number, p, actor.locale)),
  );
}

/** The whole portfolio's ledger: every signed agreement of every deal where the reader is a fund member. */
export async function exportPortfolioLedger({ actor, format, now = new Date() }: { actor: Actor; origin: RequestOrigin; format: 'csv' | 'xlsx'; now?: Date }) {
  const lines: LedgerExportLine[] = [];
  const payments: LedgerExportPayment[] = [];
  const parties: LedgerExportParty[] = [];
  for (const { deal, admin } of await loadPortfolio(actor)) {
    const agreement = admin.agreement.number;
    const agreementLines = ledgerOf(admin);
    for (const l of agreementLines) lines.push({ deal: deal.slug, agreement, year: l.year, funder: l.funder, scheduled: l.scheduled, settled: l.settled, paid: l.paid, outstanding: l.outstanding });
    for (const p of paymentDtos(admin.payments, admin.terms?.parties)) payments.push(exportPayment(deal.slug, agreement, p, actor.locale));
    for (const p of partyLedgerOf(admin, agreementLines)) parties.push(exportParty(deal.slug, agreement, p, actor.locale));
  }
  return encode(format, `fund-ledger-${beijingDay(now)}`, lines, payments, actor.locale, parties);
}
