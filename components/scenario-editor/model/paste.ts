import { readCellText, type DraftProblem, type EditKind } from './cell-check';
import type { CellDraft } from './cell-drafts';
import type { Span } from '@/lib/engine/spans';
import { itemLabelPath, itemValuePath, writeCell } from './cell-path';
import { hasCode, type EditorCostItem, type ItemList, type ScenarioDocument } from './document';
import { itemsOf } from './edits';
import { groupedIndexes } from './item-order';

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

/** A grid as the user sees it: the cell at a row and column, and where a cell is. */
export interface EditGrid {
  at: GridCells;
  rows: number;
  columns: number;
}

/** The grid of a document (rows may depend on it: a cost list is shown by group). */
export type EditGridOf = (doc: ScenarioDocument) => EditGrid;

/** Where the cell with `path` is in the grid. */
export function cellPosition(grid: EditGrid, path: string): { row: number; column: number } | undefined {
  for (let row = 0; row < grid.rows; row++) for (let column = 0; column < grid.columns; column++) if (grid.at(row, column)?.path === path) return { row, column };
  return undefined;
}

/** A list's rows as shown: a cost list by group and category, others in document order. */
export function shownOrder(doc: ScenarioDocument, list: ItemList): number[] {
  const items = itemsOf(doc, list);
  return hasCode(list) ? groupedIndexes(items as EditorCostItem[]).flatMap((g) => g.indexes) : items.map((_, i) => i);
}

/** A list of line items: its label in column 0, then one column per span. */
export const itemsGrid =
  (list: ItemList, spans: readonly Span[]): EditGridOf =>
  (doc) => {
    const order = shownOrder(doc, list);
    return {
      rows: order.length,
      columns: spans.length + 1,
      at: (row, column) => {
        const index = order[row];
        if (index === undefined) return undefined;
        if (column === 0) return { path: itemLabelPath(list, index), kind: 'text', required: true };
        const span = spans[column - 1];
        return span && { path: itemValuePath(list, index, span), kind: 'amount' };
      },
    };
  };

/** A grid of values rows (α, overrides, volume): a row's name in column 0 (not a cell), then one column per span. */
export const spanRowsGrid =
  (rows: readonly ((range: Span) => string)[], spans: readonly Span[], kind: EditKind): EditGridOf =>
  () => ({
    rows: rows.length,
    columns: spans.length + 1,
    at: (row, column) => {
      const pathOf = rows[row];
      const span = spans[column - 1];
      return pathOf && span ? { path: pathOf(span), kind } : undefined;
    },
  });
