'use client';

import { useLocale, useTranslations } from 'next-intl';
import { createContext, memo, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CellInput } from '@/components/ui/cell-input';
import { numberValueOf } from '@/components/ui/number-text';
import { groupDigits } from '@/lib/domain/format';
import { checkCell, type CellKind, type CellProblem } from './model';

/**
 * Editable cells. Each cell keeps what the user typed in its own state: a text
 * that is not valid stays in the cell (red, with the reason) and never reaches the
 * document; a valid text is committed at once, so the results follow the typing.
 * Cells are memoised, so a keystroke re-renders one cell and the row it is in.
 */

/** Counts cells holding text that did not reach the document. */
export const InvalidDraftsContext = createContext<(id: string, invalid: boolean) => void>(() => {});

export type EditKind = CellKind | 'text';

function check(text: string, kind: EditKind, required: boolean): { ok: true } | { ok: false; problem: CellProblem | 'empty' } {
  if (required && text.trim() === '') return { ok: false, problem: 'empty' };
  if (kind === 'text') return { ok: true };
  return checkCell(text, kind);
}

/** What a cell commits: a number as the kit's NumberInput reads it ("１，２３４．５" → "1234.5"), a text as typed. */
const committed = (text: string, kind: EditKind) => (kind === 'text' ? text : numberValueOf(text));

export interface EditCellProps {
  /** The text in the document ('' = not given). */
  value: string;
  kind: EditKind;
  onCommit: (text: string) => void;
  /** Accessible name, e.g. "Forest construction, 2003–2010". */
  label: string;
  placeholder?: string;
  required?: boolean;
  readOnly?: boolean;
  /** Shown as a tooltip while the cell is valid (e.g. "varies by year"). */
  hint?: string;
  /** Column for keyboard navigation (arrow keys / Enter move between cells of the same column / row). */
  navCol?: number;
  testId?: string;
  className?: string;
}

export const EditCell = memo(function EditCell({ value, kind, onCommit, label, placeholder, hint, required = false, readOnly, navCol, testId, className }: EditCellProps) {
  const t = useTranslations('editor');
  const locale = useLocale();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [focused, setFocused] = useState(false);
  // The document changed underneath (undo, calculator, another cell of the same span): show it.
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  const result = check(committed(text, kind), kind, required);
  const invalid = !result.ok;
  const report = useContext(InvalidDraftsContext);
  const id = useId();
  useEffect(() => {
    report(id, invalid);
    return () => report(id, false);
  }, [id, invalid, report]);

  // A focused cell has its text selected, so typing replaces it, as in a spreadsheet; focus swaps
  // "1,234" for "1234", so the selection is made again after that render.
  const input = useRef<HTMLInputElement>(null);
  const reselect = useRef(false);
  const clicked = useRef(false);
  useLayoutEffect(() => {
    if (focused && reselect.current) input.current?.select();
    reselect.current = false;
  }, [focused]);

  const numeric = kind !== 'text';
  const shown = numeric && !focused && !invalid && kind !== 'year' && kind !== 'count' ? groupDigits(text, locale === 'en' ? 'en' : 'zh') : text;
  return (
    <div className="relative min-w-0 flex-1">
      <CellInput
        numeric={numeric}
        invalid={invalid}
        value={shown}
        placeholder={placeholder}
        readOnly={readOnly}
        aria-label={label}
        aria-describedby={invalid ? `${id}-problem` : undefined}
        data-nav-col={navCol}
        testId={testId}
        ref={input}
        title={invalid ? t(`problems.${result.problem}`) : hint}
        onFocus={() => {
          reselect.current = !readOnly;
          setFocused(true);
        }}
        onMouseDown={(e) => {
          clicked.current = document.activeElement !== e.currentTarget;
        }}
        onMouseUp={(e) => {
          // The click that focused the cell would put the caret where it landed and drop the selection.
          if (clicked.current) e.preventDefault();
          clicked.current = false;
        }}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const value = committed(next, kind);
          if (check(value, kind, required).ok) onCommit(value);
        }}
        className={className}
      />
      {invalid && (
        <p id={`${id}-problem`} className="absolute right-0 top-full z-20 mt-0.5 whitespace-nowrap rounded bg-red-700 px-1.5 py-0.5 text-xs text-white shadow">
          {t(`problems.${result.problem}`)}
        </p>
      )}
    </div>
  );
});

/**
 * Spreadsheet keys inside a grid of cells: ↑/↓ and Enter (Shift+Enter) move within a
 * column, ←/→ move within a row when the caret is at the edge of the text. Tab keeps
 * its usual meaning (next field). Put it on the element that holds the cells.
 */
export function onGridKeyDown(e: KeyboardEvent<HTMLElement>) {
  const target = e.target;
  if (!(target instanceof HTMLInputElement) || target.dataset.navCol === undefined) return;
  let dir: 'up' | 'down' | 'left' | 'right' | null = null;
  if (e.key === 'ArrowUp') dir = 'up';
  else if (e.key === 'ArrowDown') dir = 'down';
  else if (e.key === 'Enter') dir = e.shiftKey ? 'up' : 'down';
  else if (e.key === 'ArrowLeft' && target.selectionStart === 0 && target.selectionEnd === 0) dir = 'left';
  else if (e.key === 'ArrowRight' && target.selectionStart === target.value.length) dir = 'right';
  if (!dir) return;
  let next: HTMLInputElement | undefined;
  if (dir === 'up' || dir === 'down') {
    const column = [...e.currentTarget.querySelectorAll<HTMLInputElement>(`input[data-nav-col="${target.dataset.navCol}"]`)];
    const i = column.indexOf(target);
    next = column[dir === 'up' ? i - 1 : i + 1];
  } else {
    const row = target.closest('tr');
    if (!row) return;
    const cells = [...row.querySelectorAll<HTMLInputElement>('input[data-nav-col]')];
    const i = cells.indexOf(target);
    next = cells[dir === 'left' ? i - 1 : i + 1];
  }
  if (!next) return;
  e.preventDefault();
  next.focus();
  // The focused cell shows its raw text; select after that render.
  setTimeout(() => next.select(), 0);
}
