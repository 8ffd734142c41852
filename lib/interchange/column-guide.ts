// A sheet that tells readers, in their language, what each column of an import table holds. The
// table's own header row stays in the column names the import reads (a machine format that must
// round-trip); this sheet is where a Chinese reader finds the columns named in Chinese
// (docs/decisions/0032-one-catalogue.md).
import type ExcelJS from 'exceljs';

export interface ColumnGuide {
  sheet: string;
  columnHeader: string;
  meaningHeader: string;
  /** Sentences above the columns' table. */
  lines: readonly string[];
  /** Each column's name as the header writes it, and what it holds. */
  columns: readonly (readonly [string, string])[];
}

export function addColumnGuide(workbook: ExcelJS.Workbook, guide: ColumnGuide): void {
  const sheet = workbook.addWorksheet(guide.sheet);
  for (const line of guide.lines) sheet.addRow([line]);
  sheet.addRow([]);
  sheet.addRow([guide.columnHeader, guide.meaningHeader]).font = { bold: true };
  for (const [column, meaning] of guide.columns) sheet.addRow([column, meaning]);
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 60;
}
