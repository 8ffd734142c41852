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
  deal: string;
  agreement: number;
  year: number;
  funder: string;
  direction: string;
  amount: string;
  paidOn: string;
  reference: string;
  overpaymentNote: string | null;
  recordedBy: string;
  recordedAt: string;
}

export const ledgerColumns = ['deal', 'agreement', 'year', 'funder', 'scheduled', 'settled', 'paid', 'outstanding', 'currency'] as const;
export const paymentColumns = ['deal', 'agreement', 'year', 'funder', 'direction', 'amount', 'paidOn', 'reference', 'overpaymentNote', 'recordedBy', 'recordedAt', 'currency'] as const;

function ledgerRows(lines: readonly LedgerExportLine[]): string[][] {
  return lines.map((l) => [l.deal, String(l.agreement), String(l.year), l.funder, l.scheduled, l.settled ?? '', l.paid, l.outstanding ?? '', 'CNY']);
}

function paymentRows(payments: readonly LedgerExportPayment[]): string[][] {
  return payments.map((p) => [p.deal, String(p.agreement), String(p.year), p.funder, p.direction, p.amount, p.paidOn, p.reference, p.overpaymentNote ?? '', p.recordedBy, p.recordedAt, 'CNY']);
}

/** The ledger lines as CSV (amounts exact, as text; "settled" and "outstanding" empty before settlement). */
export function ledgerToCsv(lines: readonly LedgerExportLine[]): string {
  return csvText([[...ledgerColumns], ...ledgerRows(lines)]);
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

export async function ledgerToXlsx(lines: readonly LedgerExportLine[], payments: readonly LedgerExportPayment[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, columns, rows] of [
    ['Ledger', ledgerColumns, ledgerRows(lines)],
    ['Payments', paymentColumns, paymentRows(payments)],
  ] as const) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...columns]).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map((text, i) => cell(columns[i]!, text)));
    columns.forEach((column, i) => {
      const c = sheet.getColumn(i + 1);
      c.width = column === 'deal' || column === 'reference' || column === 'overpaymentNote' ? 28 : 16;
      if (moneyColumns.has(column)) c.numFmt = '#,##0.00';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
