import { parseYearKey } from '@/lib/engine/years';
import { sortedByYear, type ValuesText } from '@/lib/engine/spans';
import { readCellText } from './cell-check';
import type { CellDraft } from './cell-drafts';
import { itemValuePath, writeCell } from './cell-path';
import type { ItemList, ScenarioDocument } from './document';
import { itemsOf, updateItem } from './edits';

export interface CalculatorFill {
  document: ScenarioDocument;
  /** Paths of the row's cells the calculator wrote. */
  written: string[];
  /** Cells that keep the calculator's value, flagged as a typed one would be: a negative amount to confirm, or a value refused. */
  flagged: CellDraft[];
}

/**
 * A calculator's result put into its row as if the user had typed each value into its cell: the
 * row's old values give way to the result, a valid value is written, a negative one waits in its
 * cell for a confirmation and anything else is refused there. So a value the user did not confirm
 * never reaches the document, whichever way it came.
 */
export function fillRowFromCalculator(doc: ScenarioDocument, list: ItemList, index: number, values: ValuesText): CalculatorFill {
  if (!itemsOf(doc, list)[index]) return { document: doc, written: [], flagged: [] };
  let document = updateItem(doc, list, index, { values: {} });
  const written: string[] = [];
  const flagged: CellDraft[] = [];
  for (const [key, text] of Object.entries(sortedByYear(values))) {
    const range = parseYearKey(key);
    if (!range.ok) continue;
    const path = itemValuePath(list, index, range);
    const reading = readCellText(text, 'amount');
    if (reading.kind === 'value') {
      document = writeCell(document, path, reading.value);
      written.push(path);
    } else if (reading.kind === 'confirm') flagged.push({ path, text, problem: 'negative', value: reading.value });
    else flagged.push({ path, text, problem: reading.problem });
  }
  return { document, written, flagged };
}
