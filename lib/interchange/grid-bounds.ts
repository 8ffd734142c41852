// How big an imported table may be (cost tables and monitoring results), before anything reads it
// cell by cell. A real cost table has a few dozen rows and one column per year; a monitoring table
// six columns and at most ten thousand rows. Anything far beyond is refused whole, with one short
// problem, so a hostile file costs neither memory nor a long answer (docs/decisions/0059).
import { text } from '@/lib/domain/local-text';
import { columnLetter, gridProblem, type GridProblem } from './grid-problem';

export const gridBounds = {
  columns: 256,
  rows: 20_000,
  cells: 200_000,
  cellCharacters: 1_000,
  /** How many of a refused table's problems an answer lists; the rest are only counted. */
  listedProblems: 50,
} as const;

/**
 * The problem with a table reaching row `rows` and column `columns` (a sheet's stated dimension, or
 * how far reading got), if that is beyond the bounds; one problem for the whole table.
 */
export function sizeProblem(rows: number, columns: number): GridProblem | null {
  if (columns > gridBounds.columns || rows > gridBounds.rows || rows * columns > gridBounds.cells) {
    const reached = { rows, columns: columnLetter(Math.min(Math.max(columns, 1), 16_384) - 1) };
    return gridProblem(0, '—', text('tableTooBig', { ...reached, maxRows: gridBounds.rows, maxColumns: columnLetter(gridBounds.columns - 1), maxCells: gridBounds.cells }));
  }
  return null;
}

export function cellTooLong(row: number, column: number): GridProblem {
  return gridProblem(row, columnLetter(column), text('cellTooLong', { max: gridBounds.cellCharacters }));
}

/** A grid already in memory (a parsed CSV): its size and its longest cells. */
export function gridProblems(grid: readonly (readonly string[])[]): GridProblem[] {
  const columns = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  const tooBig = sizeProblem(grid.length, columns);
  if (tooBig) return [tooBig];
  for (const [r, row] of grid.entries()) {
    const long = row.findIndex((cell) => cell.length > gridBounds.cellCharacters);
    if (long >= 0) return [cellTooLong(r + 1, long)];
  }
  return [];
}
