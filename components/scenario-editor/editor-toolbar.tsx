'use client';

import { useTranslations } from 'next-intl';
import { useContext, useState, useSyncExternalStore } from 'react';
import { Controller } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NumberInput } from '@/components/ui/number-input';
import { useDomainForm } from '@/components/ui/use-domain-form';
import { ZAddPeriod, ZSplitPeriod } from '@/lib/domain/scenario-schemas';
import { pathParts } from '@/lib/domain/problem-place';
import { formatRange, parseYearKey, yearKey, type YearRange } from '@/lib/engine/years';
import { CellDraftsContext } from './cells';
import { useEditor } from './editor-context';
import { addPeriod, fillCellRight, periodLabelFor, splitPeriod, type Span } from './model';

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
      <Button intent="secondary" size="xs" className="px-2 py-1" disabled={spanIndex < 0 || spanIndex >= spans.length - 1} onClick={fill} title={t('toolbar.fillRightHint')} testId="fill-right">
        {t('toolbar.fillRight')} →
      </Button>
      <Button intent="secondary" size="xs" className="px-2 py-1" disabled={!period || period.from === period.to} onClick={() => setDialog('split')} title={t('toolbar.splitHint')} testId="split-period">
        {period ? t('toolbar.splitPeriod', { period: period.label }) : t('toolbar.split')}
      </Button>
      <Button intent="secondary" size="xs" className="px-2 py-1" disabled={periods.length === 0} onClick={() => setDialog('add')} testId="add-period">
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

function SplitDialog({ period, index, onClose }: { period: Span; index: number; onClose: () => void }) {
  const t = useTranslations('editor');
  const { actions } = useEditor();
  const middle = period.from + Math.floor((period.to - period.from + 1) / 2) - 1;
  const form = useDomainForm(ZSplitPeriod, {
    defaultValues: {
      lastYearOfFirst: String(middle),
      firstLabel: periodLabelFor(period.label, period, { from: period.from, to: middle }),
      secondLabel: periodLabelFor(period.label, period, { from: middle + 1, to: period.to }),
    },
  });
  const cut = Number(form.watch('lastYearOfFirst'));
  const submit = form.handleSubmit((values) => {
    if (values.lastYearOfFirst < period.from || values.lastYearOfFirst >= period.to) {
      form.setError('lastYearOfFirst', { message: t('toolbar.cutOutside', { from: period.from, to: period.to - 1 }) });
      return;
    }
    actions.apply((doc) => splitPeriod(doc, index, values.lastYearOfFirst, [values.firstLabel, values.secondLabel]) ?? doc);
    onClose();
  });
  return (
    <Dialog open onClose={onClose} title={t('toolbar.splitTitle', { period: `${period.label}` })} testId="split-dialog">
      <form className="space-y-3" onSubmit={(e) => void submit(e)}>
        <p>{t('toolbar.splitBody', { years: formatRange(period) })}</p>
        <Controller
          control={form.control}
          name="lastYearOfFirst"
          render={({ field, fieldState }) => (
            <Field label={t('toolbar.lastYearOfFirst')} hint={Number.isInteger(cut) && cut >= period.from && cut < period.to ? t('toolbar.splitInto', { first: formatRange({ from: period.from, to: cut }), second: formatRange({ from: cut + 1, to: period.to }) }) : undefined} error={fieldState.error?.message}>
              <NumberInput value={String(field.value ?? '')} onChange={field.onChange} onBlur={field.onBlur} name={field.name} testId="split-year" />
            </Field>
          )}
        />
        <Field label={t('toolbar.firstLabel')} error={form.formState.errors.firstLabel?.message}>
          <Input {...form.register('firstLabel')} testId="split-first-label" />
        </Field>
        <Field label={t('toolbar.secondLabel')} error={form.formState.errors.secondLabel?.message}>
          <Input {...form.register('secondLabel')} testId="split-second-label" />
        </Field>
        <div className="flex justify-end gap-2 pt-1">
          <Button intent="secondary" onClick={onClose}>
            {t('toolbar.cancel')}
          </Button>
          <Button type="submit" testId="split-confirm">
            {t('toolbar.split')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function AddDialog({ last, onClose }: { last: Span; onClose: () => void }) {
  const t = useTranslations('editor');
  const { actions } = useEditor();
  const length = last.to - last.from + 1;
  const form = useDomainForm(ZAddPeriod, { defaultValues: { to: String(last.to + length), label: formatRange({ from: last.to + 1, to: last.to + length }) } });
  const submit = form.handleSubmit((values) => {
    if (values.to <= last.to) {
      form.setError('to', { message: t('toolbar.addAfter', { year: last.to }) });
      return;
    }
    actions.apply((doc) => addPeriod(doc, values.to, values.label) ?? doc);
    onClose();
  });
  return (
    <Dialog open onClose={onClose} title={t('toolbar.addTitle')} testId="add-period-dialog">
      <form className="space-y-3" onSubmit={(e) => void submit(e)}>
        <p>{t('toolbar.addBody', { year: last.to + 1 })}</p>
        <Controller
          control={form.control}
          name="to"
          render={({ field, fieldState }) => (
            <Field label={t('toolbar.lastYear')} error={fieldState.error?.message}>
              <NumberInput value={String(field.value ?? '')} onChange={field.onChange} onBlur={field.onBlur} name={field.name} testId="add-period-to" />
            </Field>
          )}
        />
        <Field label={t('toolbar.periodLabel')} error={form.formState.errors.label?.message}>
          <Input {...form.register('label')} testId="add-period-label" />
        </Field>
        <div className="flex justify-end gap-2 pt-1">
          <Button intent="secondary" onClick={onClose}>
            {t('toolbar.cancel')}
          </Button>
          <Button type="submit" testId="add-period-confirm">
            {t('toolbar.addPeriod')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
