// Every CSV the platform writes goes through here, so that no cell opens in a spreadsheet as a
// formula; and every CSV it reads, so that such a cell reads back as it was written.
import Papa from 'papaparse';

/**
 * A cell a spreadsheet would read as a formula (or as the start of one, after a tab or carriage
 * return): it starts with =, +, -, @, tab or CR. A plain negative decimal such as "-12.5" is not
 * one — it stays a number so that amounts and values still add up (docs/decisions/0055).
 */
export const formulaStart = /^(?!-\d+(?:\.\d+)?$)[=+\-@\t\r]/;

/** Rows as CSV; a formula-like cell is written after a single quote, which spreadsheets show as text. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    rows.map((row) => [...row]),
    { newline: '\n', escapeFormulae: formulaStart },
  );
}

/**
 * A CSV's rows (a byte-order mark ignored, blank lines skipped), with the quote `csvText` put before
 * a formula-like cell taken off again, so that an exported table imports as it was.
 */
export function parseCsvText(csv: string): Papa.ParseResult<string[]> {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  for (const row of parsed.data) {
    row.forEach((cell, index) => {
      if (cell.startsWith("'") && formulaStart.test(cell.slice(1))) row[index] = cell.slice(1);
    });
  }
  return parsed;
}
