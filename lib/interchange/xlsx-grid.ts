import ExcelJS from 'exceljs';
import { inEnglish, text, type LocalText } from '@/lib/domain/local-text';

/**
 * A problem with a table import (monitoring results, cost tables), located by row (1-based; 0 for
 * the file as a whole) and column letter ("—" for the whole row); the message in English and, when
 * it comes from the catalogue, in either language.
 */
export interface GridProblem {
  row: number;
  column: string;
  message: string;
  text?: LocalText;
}

export function gridProblem(row: number, column: string, message: string | LocalText): GridProblem {
  return typeof message === 'string' ? { row, column, message } : { row, column, message: inEnglish(message), text: message };
}

export const columnLetter = (index: number): string => (index < 26 ? '' : columnLetter(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/** Where a problem is, for readers: "row 3, column C (value)" when the header names the column. */
export function problemAt(problem: GridProblem, header?: readonly string[]): LocalText {
  if (problem.row === 0) return text('at.table');
  if (problem.column === '—') return text('at.row', { row: problem.row });
  const index = header?.findIndex((_, i) => columnLetter(i) === problem.column) ?? -1;
  const name = index >= 0 ? header?.[index] : undefined;
  return name ? text('at.namedCell', { row: problem.row, column: problem.column, name }) : text('at.cell', { row: problem.row, column: problem.column });
}

/** Where a problem is, as the API's `field`: problemAt in English. */
export function problemField(problem: GridProblem, header?: readonly string[]): string {
  return inEnglish(problemAt(problem, header));
}

/** A cell as the text a CSV of the same table would hold. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'not a date' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'not a number';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return String(value);
}

/**
 * The named sheet of an .xlsx workbook (else its first) as rows of cell texts, so that a workbook
 * and a CSV go through one grid parser; or the problem that stops it being read.
 */
export async function readXlsxGrid(bytes: Uint8Array, sheetName: string, unreadable: string | LocalText): Promise<{ ok: true; grid: string[][] } | { ok: false; problems: GridProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [gridProblem(0, '—', unreadable)] };
  }
  const sheet = workbook.getWorksheet(sheetName) ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [gridProblem(0, '—', text('workbookNoSheet', { sheet: sheetName }))] };
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    grid[number - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return { ok: true, grid: Array.from(grid, (row) => row ?? []) };
}
