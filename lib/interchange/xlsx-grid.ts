import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { text, type LocalText } from '@/lib/domain/local-text';
import { cellTooLong, gridBounds, sizeProblem } from './grid-bounds';
import { gridProblem, type GridProblem } from './grid-problem';
import { archiveBounds, inspectXlsxArchive, type InflationMeter } from './xlsx-archive';

/** A cell as the text a CSV of the same table would hold. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'not a date' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'not a number';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return String(value);
}

/**
 * What reading a workbook cost, added up as it goes: the bytes the archive inspection inflated, the
 * worksheets exceljs began to read, and the rows it built for the sheets read (not a skipped
 * sheet's first row). No production caller passes one; tests do, to check in figures that do not
 * depend on the machine's load that a hostile workbook was refused early: a sparse-row workbook
 * before exceljs opens it, a deflate bomb with nothing inflated, or one chunk when its headers lie.
 */
export type XlsxMeter = InflationMeter & { sheetsOpened: number; rows: number };

type SheetRead = { ok: true; grid: string[][] } | { ok: false; problems: GridProblem[] };

const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/** The problem with a sheet whose stated dimension (`A1:XFD1000`) is beyond what is read, if any. */
function dimensionProblem(dimension: string): GridProblem | null {
  const end = /([A-Z]+)(\d+)$/.exec(dimension);
  return end ? sizeProblem(Number(end[2]), columnNumber(end[1]!)) : null;
}

/** One sheet's rows as a stream, refused at the first row, column, cell count or cell text beyond the bounds. */
async function readSheet(sheet: AsyncIterable<ExcelJS.Row>, meter: XlsxMeter): Promise<SheetRead> {
  const grid: string[][] = [];
  let cells = 0;
  for await (const row of sheet) {
    meter.rows += 1;
    if (row.number > gridBounds.rows) return { ok: false, problems: [sizeProblem(row.number, 1)!] };
    const values: string[] = [];
    let problem: GridProblem | null = null;
    // Only the cells the file holds: a row with one cell in column XFD is one cell, not 16,384.
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (problem) return;
      cells += 1;
      if (column > gridBounds.columns || cells > gridBounds.cells) problem = sizeProblem(row.number, column);
      else {
        const value = cellText(cell.value);
        if (value.length > gridBounds.cellCharacters) problem = cellTooLong(row.number, column - 1);
        values[column - 1] = value;
      }
    });
    if (problem) return { ok: false, problems: [problem] };
    grid[row.number - 1] = Array.from(values, (value) => value ?? '');
  }
  return { ok: true, grid: Array.from(grid, (row) => row ?? []) };
}

/**
 * The named sheet of an .xlsx workbook (else its first) as rows of cell texts, so that a workbook
 * and a CSV go through one grid parser; or the problem that stops it being read. The archive is
 * inspected first (xlsx-archive.ts), each sheet's stated dimension checked, and only then are the
 * rows read, as a stream, within the grid's bounds. A `meter`, if given, counts what that cost.
 */
export async function readXlsxGrid(
  bytes: Uint8Array,
  sheetName: string,
  unreadable: string | LocalText,
  { meter = { inflatedBytes: 0, sheetsOpened: 0, rows: 0 } }: { meter?: XlsxMeter } = {},
): Promise<SheetRead> {
  const refuse = (problem: GridProblem): SheetRead => ({ ok: false, problems: [problem] });
  const archive = inspectXlsxArchive(bytes, meter);
  if (!archive.ok && archive.reason === 'tableTooBig') return refuse(sizeProblem(archive.rows, archive.columns)!);
  if (!archive.ok)
    return refuse(gridProblem(0, '—', archive.reason === 'unreadable' ? unreadable : text('workbookTooBig', { mb: archiveBounds.uncompressedBytes / 1024 / 1024, ratio: archiveBounds.ratio })));
  for (const dimension of archive.dimensions.values()) {
    const problem = dimension ? dimensionProblem(dimension) : null;
    if (problem) return refuse(problem);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let first: SheetRead | null = null;
  try {
    for await (const sheet of reader) {
      meter.sheetsOpened += 1;
      const named = (sheet as unknown as { name?: string }).name === sheetName;
      // Only the named sheet and the first are read. Another is skipped after its first row: exceljs
      // deletes a skipped sheet's temporary file when asked for the next one, and a file stream
      // not yet opened then fails with ENOENT outside any handler (an uncaught error in tests).
      if (!named && first) {
        for await (const _row of sheet as unknown as AsyncIterable<ExcelJS.Row>) break;
        continue;
      }
      const read = await readSheet(sheet as unknown as AsyncIterable<ExcelJS.Row>, meter);
      if (named || !read.ok) return read;
      first = read;
    }
  } catch {
    return refuse(gridProblem(0, '—', unreadable));
  }
  return first ?? refuse(gridProblem(0, '—', text('workbookNoSheet', { sheet: sheetName })));
}
