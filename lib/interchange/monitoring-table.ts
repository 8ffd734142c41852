// Monitoring results as a CSV or .xlsx table: one row per indicator and year, in the columns
// year, indicator, value, laboratory, sampledFrom, sampledTo (any order, header in row 1). An
// import is all or nothing: every problem is listed with its row and column, and a table with any
// problem saves nothing. Values stay decimal text; dates are ISO (YYYY-MM-DD).
import ExcelJS from 'exceljs';
import { addColumnGuide, type ColumnGuide } from './column-guide';
import { csvText, parseCsvText } from './csv-text';
import { columnLetter, gridProblem, type GridProblem } from './grid-problem';
import { gridProblems } from './grid-bounds';
import { readXlsxGrid } from './xlsx-grid';
import { text, type LocalText } from '@/lib/domain/local-text';
import { MAX_EXPONENT, parseDecimal } from '@/lib/engine';

export const monitoringColumns = ['year', 'indicator', 'value', 'laboratory', 'sampledFrom', 'sampledTo'] as const;
export type MonitoringColumn = (typeof monitoringColumns)[number];
export const monitoringSheetName = 'Monitoring';
export const maxMonitoringRows = 10_000;

export interface MonitoringRow {
  /** The row in the table (1 is the header). */
  row: number;
  year: number;
  indicator: string;
  /** Canonical decimal text, every digit the laboratory wrote. */
  value: string;
  laboratory: string;
  sampledFrom: string;
  sampledTo: string;
}

export interface MonitoringRules {
  /** The indicators the agreement's terms declare. */
  indicators: readonly string[];
  /** The years results may be entered for. */
  from: number;
  to: number;
}

export type MonitoringImport = { ok: true; rows: MonitoringRow[] } | { ok: false; problems: GridProblem[] };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD that exists (no 2023-02-30). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** Reads and checks the rows of a table already split into cells; row 1 is the header. */
export function monitoringFromGrid(grid: readonly (readonly string[])[], rules: MonitoringRules): MonitoringImport {
  const problems: GridProblem[] = [];
  const [header = [], ...body] = grid;
  const names = header.map((cell) => cell.trim());
  const where = new Map<MonitoringColumn, number>();
  names.forEach((name, index) => {
    if (name === '') return;
    const column = monitoringColumns.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!column) problems.push(gridProblem(1, columnLetter(index), text('unknownColumn', { name, columns: monitoringColumns })));
    else if (where.has(column)) problems.push(gridProblem(1, columnLetter(index), text('repeatedColumn', { name, column: columnLetter(where.get(column)!) })));
    else where.set(column, index);
  });
  const absent = monitoringColumns.filter((c) => !where.has(c));
  if (absent.length) problems.push(gridProblem(1, '—', text('headerLacks', { missing: absent.map((c) => `"${c}"`), columns: monitoringColumns })));
  if (problems.length) return { ok: false, problems };

  const rows: MonitoringRow[] = [];
  const seen = new Map<string, number>();
  const declared = new Set(rules.indicators);
  let filled = 0;
  body.forEach((cells, offset) => {
    const row = offset + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (++filled > maxMonitoringRows) {
      if (filled === maxMonitoringRows + 1) problems.push(gridProblem(row, '—', text('tooManyRows', { max: maxMonitoringRows })));
      return;
    }
    const cell = (column: MonitoringColumn) => (cells[where.get(column)!] ?? '').trim();
    const at = (column: MonitoringColumn) => columnLetter(where.get(column)!);
    const problem = (column: MonitoringColumn, message: LocalText) => problems.push(gridProblem(row, at(column), message));
    const before = problems.length;

    const yearText = cell('year');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    const yearInRange = year !== null && year >= rules.from && year <= rules.to;
    if (year === null) problem('year', yearText === '' ? text('yearEmpty') : text('notFourDigitYear', { text: yearText }));
    else if (!yearInRange) problem('year', text('yearOutsideAgreement', { year, from: rules.from, to: rules.to }));

    const indicator = cell('indicator');
    if (indicator === '') problem('indicator', text('indicatorEmpty'));
    else if (!declared.has(indicator)) {
      const near = rules.indicators.find((name) => name.toLowerCase() === indicator.toLowerCase());
      const known = rules.indicators.length ? rules.indicators : text('noIndicatorsDeclared');
      problem('indicator', near ? text('unknownIndicatorNear', { indicator, near, known }) : text('unknownIndicator', { indicator, known }));
    }

    const valueText = cell('value');
    const parsed = parseDecimal(valueText);
    if (valueText === '') problem('value', text('valueEmpty'));
    // A cell's text parses as a number or is out of range: the two reasons parseDecimal gives a string.
    else if (!parsed.ok) problem('value', parsed.problem.code === 'engine.notANumber' ? text('valueNotNumber', { text: valueText }) : text('valueOutOfRange', { text: valueText, max: MAX_EXPONENT }));

    const laboratory = cell('laboratory');
    if (laboratory === '') problem('laboratory', text('laboratoryEmpty'));
    else if (laboratory.length > 200) problem('laboratory', text('tooLong', { max: 200 }));

    const from = cell('sampledFrom');
    const to = cell('sampledTo');
    for (const [column, date] of [['sampledFrom', from], ['sampledTo', to]] as const) {
      if (date === '') problem(column, text('samplingDateEmpty'));
      else if (!isIsoDate(date)) problem(column, text('notIsoDate', { text: date }));
      else if (yearInRange && Number(date.slice(0, 4)) !== year) problem(column, text('dateNotInYear', { date, year }));
    }
    if (isIsoDate(from) && isIsoDate(to) && to < from) problem('sampledTo', text('sampledToBeforeFrom', { to, from }));

    if (year !== null && indicator !== '') {
      const key = `${year}\u0000${indicator}`;
      const first = seen.get(key);
      if (first !== undefined) problem('indicator', text('duplicateResult', { indicator, year, row: first }));
      else seen.set(key, row);
    }
    if (problems.length === before && year !== null && yearInRange && parsed.ok) {
      rows.push({ row, year, indicator, value: parsed.value.isZero() ? '0' : parsed.value.toString(), laboratory, sampledFrom: from, sampledTo: to });
    }
  });
  if (!problems.length && rows.length === 0) problems.push(gridProblem(0, '—', text('tableEmpty')));
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

export function monitoringFromCsv(csv: string, rules: MonitoringRules): MonitoringImport {
  const parsed = parseCsvText(csv);
  if (parsed.errors.length) return { ok: false, problems: parsed.errors.map((error) => gridProblem((error.row ?? 0) + 1, '—', text('csvUnreadable', { detail: error.message }))) };
  const tooBig = gridProblems(parsed.data);
  return tooBig.length ? { ok: false, problems: tooBig } : monitoringFromGrid(parsed.data, rules);
}

/** A cell as the text it shows: numbers by their shortest round-trip form, dates as YYYY-MM-DD. */
export async function monitoringFromXlsx(bytes: Uint8Array, rules: MonitoringRules): Promise<MonitoringImport> {
  const read = await readXlsxGrid(bytes, monitoringSheetName, text('monitoringWorkbookUnreadable'));
  return read.ok ? monitoringFromGrid(read.grid, rules) : read;
}

/** A table in the import layout: a filled one to export, or an empty one (a template) with one row per indicator. */
export function monitoringGrid(rows: readonly Omit<MonitoringRow, 'row'>[]): string[][] {
  return [[...monitoringColumns], ...rows.map((r) => [String(r.year), r.indicator, r.value, r.laboratory, r.sampledFrom, r.sampledTo])];
}

export function monitoringTemplate(indicators: readonly string[], year: number): string[][] {
  return [[...monitoringColumns], ...indicators.map((indicator) => [String(year), indicator, '', '', `${year}-01-01`, `${year}-12-31`])];
}

export function gridToCsv(grid: readonly (readonly string[])[]): string {
  return csvText(grid);
}

/** The .xlsx of a table in the import layout; with a guide, a sheet naming its columns in the reader's language. */
export async function gridToXlsx(grid: readonly (readonly string[])[], sheetName = monitoringSheetName, guide?: ColumnGuide): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  grid.forEach((row, index) => {
    // Text cells throughout: a value keeps every digit the laboratory wrote, a date stays ISO.
    const added = sheet.addRow([...row]);
    if (index === 0) added.font = { bold: true };
  });
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  if (guide) addColumnGuide(workbook, guide);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
