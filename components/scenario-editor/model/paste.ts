import { readCellText, type DraftProblem, type EditKind } from './cell-check';
import type { CellDraft } from './cell-drafts';
import { writeCell } from './cell-path';
import type { ScenarioDocument } from './document';

/**
 * A block copied from a spreadsheet (Excel, WPS): rows by line, cells by tab. One value alone is
 * no block (null): the cell takes it as typed text. A quoted cell ("1,234") loses its quotes.
 */
export function parseClipboardBlock(text: string): string[][] | null {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const rows = lines.map((line) => line.split('\t').map((cell) => cell.replace(/^"(.*)"$/s, '$1').replace(/""/g, '"')));
  if (rows.length === 1 && rows[0]!.length === 1) return null;
  return rows;
}

/** A cell of a grid, by row and column as the user sees them. */
export interface GridCell {
  path: string;
  kind: EditKind;
  required?: boolean;
}

/** Which cell sits at a row and column of a grid on screen (undefined: none, e.g. past the last period). */
export type GridCells = (row: number, column: number) => GridCell | undefined;

export interface PasteOutcome {
  document: ScenarioDocument;
  /** Paths written into the document. */
  written: string[];
  /** Cells that keep the pasted text, flagged: refused, or a negative amount to confirm. */
  flagged: CellDraft[];
  /** Pasted values that fell outside the grid. */
  outside: number;
}

/**
 * Pastes a block with its top-left value at (row, column): each value is read as if typed into
 * its cell; a valid one is written, any other stays in its cell as a draft with its problem.
 */
export function pasteBlock(doc: ScenarioDocument, cells: GridCells, row: number, column: number, block: readonly (readonly string[])[]): PasteOutcome {
  let document = doc;
  const written: string[] = [];
  const flagged: CellDraft[] = [];
  let outside = 0;
  block.forEach((line, r) =>
    line.forEach((text, c) => {
      const cell = cells(row + r, column + c);
      if (!cell) {
        outside++;
        return;
      }
      const reading = readCellText(text, cell.kind, cell.required);
      if (reading.kind === 'value') {
        document = writeCell(document, cell.path, reading.value);
        written.push(cell.path);
      } else if (reading.kind === 'confirm') flagged.push({ path: cell.path, text: text.trim(), problem: 'negative', value: reading.value });
      else flagged.push({ path: cell.path, text: text.trim(), problem: reading.problem as DraftProblem });
    }),
  );
  return { document, written, flagged, outside };
}
