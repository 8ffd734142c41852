// The fund's ledger as CSV or .xlsx: one row per agreement, year and funder with its scheduled,
// settled, paid and outstanding amounts, then the payments. Amounts are whole currency to the fen.
import ExcelJS from 'exceljs';
import { csvText } from './csv-text';

export interface LedgerExportLine {
  deal: string;
  agreement: number;
  year: number;
  funder: string;
  scheduled: string;
  settled: string | null;
  paid: string;
  outstanding: string | null;
}

export interface LedgerExportPayment {
  /** The payment's id, so that a reversal's `reverses` can be looked up in the same file. */
  id: string;
  deal: string;
  agreement: number;
  year: number;
  funder: string;
  /** The organisation that paid it (or was repaid), by name in the reader's language; '' when the payment names none (docs/decisions/0110). */
  organisation: string;
  direction: string;
  amount: string;
  paidOn: string;
  reference: string;
  overpaymentNote: string | null;
  recordedBy: string;
  recordedAt: string;
  /** A reversal names the payment it undoes and why; the undone payment names its reversal. */
  reverses: string | null;
  reversalReason: string | null;
  reversedBy: string | null;
}

/** One organisation's part of a ledger line when the terms name the parties (docs/decisions/0098). */
export interface LedgerExportParty {
  deal: string;
  agreement: number;
  year: number;
  /** The organisation's name in the reader's language (the central government's when unnamed). */
  organisation: string;
  role: string;
  /** The funder line a payer pays on; '' for an upstream party. */
  funder: string;
  scheduled: string;
  settled: string | null;
  /** What it paid (receiving: its part of what was paid), and settled − paid once settled (docs/decisions/0110). */
  paid: string;
  outstanding: string | null;
}

export const partyColumns = ['deal', 'agreement', 'year', 'organisation', 'role', 'funder', 'scheduled', 'settled', 'paid', 'outstanding', 'currency'] as const;

export const ledgerColumns = ['deal', 'agreement', 'year', 'funder', 'scheduled', 'settled', 'paid', 'outstanding', 'currency'] as const;
/** The CSV's columns when an agreement's terms name the parties: each funder line by the organisations that pay on it. */
export const ledgerPartyColumns = ['deal', 'agreement', 'year', 'funder', 'organisation', 'scheduled', 'settled', 'paid', 'outstanding', 'currency'] as const;
export const paymentColumns = [
  'payment',
  'deal',
  'agreement',
  'year',
  'funder',
  'organisation',
  'direction',
  'amount',
  'paidOn',
  'reference',
  'overpaymentNote',
  'reverses',
  'reversalReason',
  'reversedBy',
  'recordedBy',
  'recordedAt',
  'currency',
] as const;

/**
 * What the reader reads in the file: headers, sheet names, funders and directions in their language
 * (the ledger is a report, never imported back: docs/decisions/0032-one-catalogue.md). Without
 * labels, the columns' and codes' own names.
 */
export interface LedgerLabels {
  column(name: (typeof paymentColumns)[number] | (typeof ledgerPartyColumns)[number] | (typeof partyColumns)[number]): string;
  sheet: { lines: string; payments: string; parties: string };
  funder(code: string): string;
  direction(code: string): string;
  role(code: string): string;
}

const machineLabels: LedgerLabels = {
  column: (name) => name,
  sheet: { lines: 'Ledger', payments: 'Payments', parties: 'Parties' },
  funder: (code) => code,
  direction: (code) => code,
  role: (code) => code,
};

function ledgerRows(lines: readonly LedgerExportLine[], labels: LedgerLabels): string[][] {
  return lines.map((l) => [l.deal, String(l.agreement), String(l.year), labels.funder(l.funder), l.scheduled, l.settled ?? '', l.paid, l.outstanding ?? '', 'CNY']);
}

function partyRows(parties: readonly LedgerExportParty[], labels: LedgerLabels): string[][] {
  return parties.map((p) => [
    p.deal,
    String(p.agreement),
    String(p.year),
    p.organisation,
    labels.role(p.role),
    p.funder ? labels.funder(p.funder) : '',
    p.scheduled,
    p.settled ?? '',
    p.paid,
    p.outstanding ?? '',
    'CNY',
  ]);
}

function paymentRows(payments: readonly LedgerExportPayment[], labels: LedgerLabels, withOrganisation: boolean): string[][] {
  return payments.map((p) => [
    p.id,
    p.deal,
    String(p.agreement),
    String(p.year),
    labels.funder(p.funder),
    ...(withOrganisation ? [p.organisation] : []),
    labels.direction(p.direction),
    p.amount,
    p.paidOn,
    p.reference,
    p.overpaymentNote ?? '',
    p.reverses ?? '',
    p.reversalReason ?? '',
    p.reversedBy ?? '',
    p.recordedBy,
    p.recordedAt,
    'CNY',
  ]);
}

/**
 * The ledger lines as CSV (amounts exact, as text; "settled" and "outstanding" empty before
 * settlement). When an agreement's terms name the parties (`parties` holds its organisations'
 * rows), the file has an organisation column and each of its funder lines is one row per
 * organisation paying on it, whose amounts add up to the line's (docs/decisions/0110); the
 * upstream parties' rows are in the workbook's sheet by organisation, not here, so that a column's
 * sum is still the ledger's. Without such an agreement the file is as it always was.
 */
export function ledgerToCsv(lines: readonly LedgerExportLine[], labels: LedgerLabels = machineLabels, parties: readonly LedgerExportParty[] = []): string {
  if (!parties.length) return csvText([ledgerColumns.map(labels.column), ...ledgerRows(lines, labels)]);
  const rows = lines.flatMap((l) => {
    const payers = parties.filter((p) => p.role === 'pays' && p.deal === l.deal && p.agreement === l.agreement && p.year === l.year && p.funder === l.funder);
    const base = [l.deal, String(l.agreement), String(l.year), labels.funder(l.funder)];
    if (!payers.length) return [[...base, '', l.scheduled, l.settled ?? '', l.paid, l.outstanding ?? '', 'CNY']];
    return payers.map((p) => [...base, p.organisation, p.scheduled, p.settled ?? '', p.paid, p.outstanding ?? '', 'CNY']);
  });
  return csvText([ledgerPartyColumns.map(labels.column), ...rows]);
}

const moneyColumns = new Set(['scheduled', 'settled', 'paid', 'outstanding', 'amount']);

/**
 * An amount becomes a number cell when a double holds it exactly as written (at most 15
 * significant digits, which every amount under 10¹³ CNY to the fen is), so Excel can sum it;
 * longer ones stay text rather than be rounded.
 */
function cell(column: string, text: string): string | number {
  if (!moneyColumns.has(column) || text === '') return text;
  return text.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15 ? Number(text) : text;
}

/** The lines and payments, and a sheet by organisation when any agreement's terms name the parties. */
export async function ledgerToXlsx(
  lines: readonly LedgerExportLine[],
  payments: readonly LedgerExportPayment[],
  labels: LedgerLabels = machineLabels,
  parties: readonly LedgerExportParty[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheets: [string, readonly string[], string[][]][] = [
    [labels.sheet.lines, ledgerColumns, ledgerRows(lines, labels)],
    // The organisation column only where an agreement's terms name the parties: older files keep their shape.
    [labels.sheet.payments, parties.length ? paymentColumns : paymentColumns.filter((c) => c !== 'organisation'), paymentRows(payments, labels, parties.length > 0)],
  ];
  if (parties.length) sheets.push([labels.sheet.parties, partyColumns, partyRows(parties, labels)]);
  for (const [name, columns, rows] of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(columns.map((c) => labels.column(c as Parameters<LedgerLabels['column']>[0]))).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map((text, i) => cell(columns[i]!, text)));
    columns.forEach((column, i) => {
      const c = sheet.getColumn(i + 1);
      c.width =
        column === 'payment' || column === 'reverses' || column === 'reversedBy'
          ? 38
          : column === 'deal' || column === 'reference' || column === 'overpaymentNote' || column === 'reversalReason' || column === 'organisation'
            ? 28
            : 16;
      if (moneyColumns.has(column)) c.numFmt = '#,##0.00';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
