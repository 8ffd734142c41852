'use client';

import { useLocale, useTranslations } from 'next-intl';
import { createContext, memo, useContext, useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { CellInput } from '@/components/ui/cell-input';
import { Tooltip } from '@/components/ui/tooltip';
import { groupDigits } from '@/lib/domain/format';
import { useEditor } from './editor-context';
import { CellDrafts, parseClipboardBlock, readCellText, type CellDraft, type EditKind, type EditGridOf } from './model';

/**
 * Editable cells. A valid text goes into the document at once, so the results follow the typing;
 * any other text (refused, or a negative amount not yet confirmed) stays in the cell, red, with the
 * reason in the kit's Tooltip while the cell is hovered or focused, and in the editor's drafts
 * (model/cell-drafts.ts), which keep Save disabled and list where each such cell is. A cell
 * re-renders on its own keystrokes and its own draft only.
 */

export const CellDraftsContext = createContext<CellDrafts>(new CellDrafts());

const noDraft = () => undefined;

/** The draft of one cell, re-rendering only that cell when it changes. */
function useCellDraft(path: string | undefined): CellDraft | undefined {
  const drafts = useContext(CellDraftsContext);
  return useSyncExternalStore(drafts.subscribe, path ? () => drafts.get(path) : noDraft, noDraft);
}

/** Every cell whose text is not in the document. */
export function useCellDraftList(): readonly CellDraft[] {
  const drafts = useContext(CellDraftsContext);
  return useSyncExternalStore(drafts.subscribe, drafts.list, drafts.list);
}

export type { EditKind };

export interface EditCellProps {
  /** The text in the document ('' = not given). */
  value: string;
  kind: EditKind;
  /**
   * Where in the document the cell writes (model/cell-path.ts): keys its draft in the editor's
   * drafts, which block Save and name it for readers. A cell outside the document (a calculator's
   * input) has none and keeps its draft to itself.
   */
  path?: string;
  /** A negative amount waits for a confirmation (default: for amounts of the document). */
  confirmNegative?: boolean;
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
  /** The grid the cell is in, for a block pasted from a spreadsheet. */
  grid?: EditGridOf;
  testId?: string;
  className?: string;
  /** A cell on its own (a setting, a calculator's input): its box shows without a hover. */
  boxed?: boolean;
  /**
   * For a cell outside the document (no path): told whether it now holds a text that is not in
   * its value, so its form (the calculator) can refuse to go on while one does.
   */
  onFlag?: (flagged: boolean) => void;
}

export const EditCell = memo(function EditCell({
  value,
  kind,
  path,
  onCommit,
  label,
  placeholder,
  hint,
  required = false,
  confirmNegative = path !== undefined,
  readOnly,
  navCol,
  grid,
  testId,
  className,
  boxed,
  onFlag,
}: EditCellProps) {
  const t = useTranslations('editor');
  const locale = useLocale();
  const { actions } = useEditor();
  const drafts = useContext(CellDraftsContext);
  const sharedDraft = useCellDraft(readOnly ? undefined : path);
  const [ownDraft, setOwnDraft] = useState<CellDraft | undefined>(undefined);
  const draft = path ? sharedDraft : ownDraft;
  // What the user is typing in this cell; null once it is left (the cell then shows the document or its draft).
  const [typed, setTyped] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const text = typed ?? draft?.text ?? value;
  const problem = draft?.problem;
  const flagged = problem !== undefined;
  const id = useId();

  // A focused cell has its text selected until something is typed, so typing replaces it, as in a
  // spreadsheet. Focus swaps "1,234" for "1234", and the text may change again while the cell is
  // focused (the editor's engine arriving after the first focus): setting an input's value drops
  // its selection, so it is made again after each such render.
  const input = useRef<HTMLInputElement>(null);
  const clicked = useRef(false);

  // A cell that goes (another calculator, a part removed) takes its refused text with it.
  const ownFlag = useRef({ flagged: false, onFlag });
  useLayoutEffect(() => {
    ownFlag.current = { flagged: ownDraft !== undefined, onFlag };
  });
  useEffect(
    () => () => {
      if (ownFlag.current.flagged) ownFlag.current.onFlag?.(false);
    },
    [],
  );

  const take = (next: string) => {
    const reading = readCellText(next, kind, required, confirmNegative);
    if (reading.kind === 'value') {
      if (path) drafts.clear(path);
      else {
        setOwnDraft(undefined);
        onFlag?.(false);
      }
      onCommit(reading.value);
      return;
    }
    const flaggedDraft: CellDraft =
      reading.kind === 'confirm' ? { path: path ?? id, text: next, problem: 'negative', value: reading.value } : { path: path ?? id, text: next, problem: reading.problem };
    if (path) drafts.set(flaggedDraft);
    else {
      setOwnDraft(flaggedDraft);
      onFlag?.(true);
    }
  };
  const confirm = () => {
    if (path) return actions.confirmDraft(path);
    if (ownDraft?.value !== undefined) onCommit(ownDraft.value);
    setOwnDraft(undefined);
    onFlag?.(false);
  };

  const numeric = kind !== 'text';
  const shown = numeric && !focused && !flagged && kind !== 'year' && kind !== 'count' ? groupDigits(text, locale === 'en' ? 'en' : 'zh') : text;
  const untouched = focused && typed === null && !readOnly;
  useLayoutEffect(() => {
    if (untouched && document.activeElement === input.current) input.current?.select();
  }, [untouched, shown]);
  const problemText = problem ? t(`problems.${problem}`) : undefined;
  return (
    <Tooltip
      className="min-w-0 flex-1"
      tone="danger"
      placement="belowEnd"
      content={problemText}
      action={
        problem === 'negative' && (
          <Button intent="secondary" size="inline" onMouseDown={(e) => e.preventDefault()} onClick={confirm} testId={testId && `${testId}-confirm`}>
            {t('problems.confirmNegative')}
          </Button>
        )
      }
    >
      {(describedBy) => (
        <CellInput
          numeric={numeric}
          invalid={flagged}
          boxed={boxed}
          value={shown}
          placeholder={placeholder}
          readOnly={readOnly}
          aria-label={label}
          aria-describedby={describedBy}
          data-nav-col={navCol}
          data-cell-path={path}
          testId={testId}
          ref={input}
          // The problem is the kit's tooltip; a browser tooltip saying it again would cover it.
          title={flagged ? undefined : hint}
          onFocus={() => {
            setFocused(true);
            if (!readOnly && path) actions.focusCell(path);
          }}
          onMouseDown={(e) => {
            clicked.current = document.activeElement !== e.currentTarget;
          }}
          onMouseUp={(e) => {
            // The click that focused the cell would put the caret where it landed and drop the selection.
            if (clicked.current) e.preventDefault();
            clicked.current = false;
          }}
          onBlur={() => {
            setFocused(false);
            setTyped(null);
          }}
          onPaste={(e) => {
            if (readOnly || !grid || !path) return;
            const block = parseClipboardBlock(e.clipboardData.getData('text/plain'));
            if (!block) return;
            e.preventDefault();
            setTyped(null);
            actions.pasteBlock(grid, path, block);
          }}
          onChange={(e) => {
            setTyped(e.target.value);
            take(e.target.value);
          }}
          className={className}
        />
      )}
    </Tooltip>
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
