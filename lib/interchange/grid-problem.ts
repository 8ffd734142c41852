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
  /** The column's label in the catalogue, when the table knows which of its columns this is. */
  label?: LocalText;
}

export function gridProblem(row: number, column: string, message: string | LocalText, label?: LocalText): GridProblem {
  const located = label ? { row, column, label } : { row, column };
  return typeof message === 'string' ? { ...located, message } : { ...located, message: inEnglish(message), text: message };
}

export const columnLetter = (index: number): string => (index < 26 ? '' : columnLetter(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/** Where a problem is, for readers: "row 3, column C (value)" when the header names the column. */
export function problemAt(problem: GridProblem, header?: readonly string[]): LocalText {
  if (problem.row === 0) return text('at.table');
  if (problem.column === '—') return text('at.row', { row: problem.row });
  // The column's label in the reader's language, whichever language (and order) the file's header has.
  if (problem.label) return text('at.namedCell', { row: problem.row, column: problem.column, name: problem.label });
  const index = header?.findIndex((_, i) => columnLetter(i) === problem.column) ?? -1;
  const name = index >= 0 ? header?.[index] : undefined;
  return name ? text('at.namedCell', { row: problem.row, column: problem.column, name }) : text('at.cell', { row: problem.row, column: problem.column });
}

/** Where a problem is, as the API's `field`: problemAt in English. */
export function problemField(problem: GridProblem, header?: readonly string[]): string {
  return inEnglish(problemAt(problem, header));
}
