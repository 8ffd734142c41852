'use client';

import { createContext, useContext } from 'react';
import type { Category } from '@/lib/engine/categories';
import type { Dec } from '@/lib/engine/decimal';
import type { BenefitKind } from '@/lib/engine/schema';
import type { CalculatorEntry, EditGridOf, ItemList, ScenarioDocument } from './model';

/** Stable callbacks of the editor (they read the latest document through a ref). */
export interface EditorActions {
  /** Applies a pure edit to the latest document and reports the result through onChange. */
  apply(edit: (doc: ScenarioDocument) => ScenarioDocument): void;
  setItemSpan(list: ItemList, index: number, from: number, to: number, text: string): void;
  setItemLabel(list: ItemList, index: number, label: string): void;
  setItemCode(list: ItemList, index: number, code: Category): void;
  addItem(list: ItemList, code?: Category): void;
  removeItem(list: ItemList, index: number): void;
  duplicateItem(list: ItemList, index: number): void;
  /** What benefit row `index` measures; undefined = not specified. */
  setBenefitKind(index: number, kind: BenefitKind | undefined): void;
  /** Opens the calculator of a row (costs, benefits, downstream costs). */
  openCalculator(list: ItemList, index: number): void;
  /** Fills the row from a calculator's result (each value read as typed) and keeps its inputs. */
  applyCalculator(list: ItemList, index: number, entry: CalculatorEntry): void;
  /** The cell the spreadsheet commands (fill right, split a period) act on. */
  focusCell(path: string): void;
  /** Pastes a block from a spreadsheet with its first value at the cell `path` of `grid`, each value checked. */
  pasteBlock(grid: EditGridOf, path: string, block: string[][]): void;
  /** Writes a negative amount waiting in its cell as typed. */
  confirmDraft(path: string): void;
}

export interface EditorSettings {
  locale: 'zh' | 'en';
  readOnly: boolean;
  /** "thousand CNY per year, 2000 constant prices" in the reader's language. */
  unitCaption: string;
  /** "thousand CNY" in the reader's language. */
  unitWord: string;
  /** An amount in the document's unit, for subtotals (thousands separators, ≤ 2 decimals). */
  formatUnitAmount(value: Dec): string;
  actions: EditorActions;
}

export const EditorContext = createContext<EditorSettings | null>(null);

export function useEditor(): EditorSettings {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside ScenarioEditor');
  return value;
}
