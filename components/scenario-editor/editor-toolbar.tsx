'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useContext, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { pathParts } from '@/lib/domain/problem-place';
import { parseYearKey, yearKey, type YearRange } from '@/lib/engine/years';
import { CellDraftsContext } from './cells';
import { useEditor } from './editor-context';
import { fillCellRight, type Span } from './model';

// The period dialogs (a react-hook-form form each) are fetched when one is opened.
const SplitDialog = dynamic(() => import('./period-dialogs').then((m) => m.SplitDialog));
const AddDialog = dynamic(() => import('./period-dialogs').then((m) => m.AddDialog));

/** The last cell focused in a grid: what the spreadsheet commands act on (kept outside React state, so focusing re-renders only the toolbar). */
export class ActiveCell {
  private path: string | null = null;
  private listeners = new Set<() => void>();
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  get = () => this.path;
  set(path: string) {
    if (path === this.path) return;
    this.path = path;
    for (const listener of this.listeners) listener();
  }
}

export function useActiveCell(): ActiveCell {
  const [cell] = useState(() => new ActiveCell());
  return cell;
}

/** The years of a values cell, from the year key its path ends in. */
function yearsOf(path: string | null): YearRange | null {
  const last = path ? pathParts(path).at(-1) : undefined;
  if (typeof last !== 'string') return null;
  const range = parseYearKey(last);
  return range.ok ? { from: range.from, to: range.to } : null;
}

/**
 * Spreadsheet commands over the grids: fill the focused cell right across the later columns,
 * cut the period it is in, add a period after the last.
 */
export function EditorToolbar({ activeCell, spans, periods }: { activeCell: ActiveCell; spans: readonly Span[]; periods: readonly Span[] }) {
  const t = useTranslations('editor');
  const { actions } = useEditor();
  const drafts = useContext(CellDraftsContext);
  const path = useSyncExternalStore(activeCell.subscribe, activeCell.get, () => null);
  const [dialog, setDialog] = useState<'split' | 'add' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const years = yearsOf(path);
  const spanIndex = years ? spans.findIndex((s) => s.from === years.from && s.to === years.to) : -1;
  const periodIndex = years ? periods.findIndex((p) => p.from <= years.from && years.from <= p.to) : -1;
  const period = periods[periodIndex];

  const fill = () => {
    if (!path || spanIndex < 0) return;
    let refused = false;
    actions.apply((doc) => {
      const next = fillCellRight(doc, path, spans, spanIndex);
      refused = next === null;
      return next ?? doc;
    });
    setNotice(refused ? t('toolbar.fillRightMixed') : null);
    if (refused) return;
    // The later cells now hold the copied value, not what was waiting in them.
    const row = path.slice(0, path.lastIndexOf('['));
    for (const span of spans.slice(spanIndex + 1)) drafts.clear(`${row}[${JSON.stringify(yearKey(span))}]`);
  };

  return (
    <div className="flex flex-wrap items-center gap-1.5" role="toolbar" aria-label={t('toolbar.label')} data-testid="editor-toolbar">
      <Button intent="secondary" size="tool" disabled={spanIndex < 0 || spanIndex >= spans.length - 1} onClick={fill} title={t('toolbar.fillRightHint')} testId="fill-right">
        {t('toolbar.fillRight')} →
      </Button>
      <Button intent="secondary" size="tool" disabled={!period || period.from === period.to} onClick={() => setDialog('split')} title={t('toolbar.splitHint')} testId="split-period">
        {period ? t('toolbar.splitPeriod', { period: period.label }) : t('toolbar.split')}
      </Button>
      <Button intent="secondary" size="tool" disabled={periods.length === 0} onClick={() => setDialog('add')} testId="add-period">
        + {t('toolbar.addPeriod')}
      </Button>
      {notice && (
        <span role="status" className="text-xs text-amber-800">
          {notice}
        </span>
      )}
      {dialog === 'split' && period && <SplitDialog period={period} index={periodIndex} onClose={() => setDialog(null)} />}
      {dialog === 'add' && periods.length > 0 && <AddDialog last={periods[periods.length - 1]!} onClose={() => setDialog(null)} />}
    </div>
  );
}
