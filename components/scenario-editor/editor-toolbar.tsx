'use client';

import { useTranslations } from 'next-intl';
import { useContext, useState, useSyncExternalStore } from 'react';
import { Controller, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
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
import { addPeriod, fillCellRight, periodLabelFor, splitPeriod, type ScenarioDocument, type Span } from './model';

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

/** One text field of a period dialog: a period's label. */
interface LabelField {
  name: string;
  label: string;
  testId: string;
}

/**
 * The one dialog that changes the periods (cut one in two, add one after the last): a year, the
 * labels of the periods it makes, each checked by the domain's schema in the page's language;
 * `refuse` adds the check only the periods on screen can make (the year must fall inside the
 * period, after the last one). Nothing changes until it is submitted.
 */
function PeriodDialog({
  title,
  body,
  testId,
  schema,
  defaultValues,
  year,
  labels,
  submitLabel,
  submitTestId,
  refuse,
  apply,
  suggest,
  onClose,
}: {
  title: string;
  body: string;
  testId: string;
  schema: z.ZodType<Record<string, unknown>, FieldValues>;
  defaultValues: Record<string, string>;
  year: { name: string; label: string; testId: string; hint?: (year: number) => string | undefined };
  /** The labels a year suggests ("P2 2011–2013"): they follow the year until the user types one. */
  suggest?: (year: number) => Record<string, string> | null;
  labels: readonly LabelField[];
  submitLabel: string;
  submitTestId: string;
  refuse: (year: number) => string | null;
  apply: (values: Record<string, unknown>) => (doc: ScenarioDocument) => ScenarioDocument | null;
  onClose: () => void;
}) {
  const t = useTranslations('editor');
  const { actions } = useEditor();
  const form = useDomainForm(schema, { defaultValues });
  const typedYear = Number(form.watch(year.name));
  const followYear = (text: string) => {
    const labels = Number.isInteger(Number(text)) ? suggest?.(Number(text)) : null;
    if (!labels) return;
    const dirty = form.formState.dirtyFields as Record<string, boolean | undefined>;
    for (const [name, label] of Object.entries(labels)) if (!dirty[name]) form.setValue(name, label);
  };
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const submit = form.handleSubmit((values) => {
    const refused = refuse(values[year.name] as number);
    if (refused) {
      form.setError(year.name, { message: refused });
      return;
    }
    const edit = apply(values);
    actions.apply((doc) => edit(doc) ?? doc);
    onClose();
  });
  return (
    <Dialog open onClose={onClose} title={title} testId={testId}>
      <form className="space-y-3" onSubmit={(e) => void submit(e)}>
        <p>{body}</p>
        <Controller
          control={form.control}
          name={year.name}
          render={({ field, fieldState }) => (
            <Field label={year.label} hint={Number.isInteger(typedYear) ? year.hint?.(typedYear) : undefined} error={fieldState.error?.message}>
              <NumberInput
                value={String(field.value ?? '')}
                onChange={(value) => {
                  field.onChange(value);
                  followYear(String(value));
                }}
                onBlur={field.onBlur}
                name={field.name}
                testId={year.testId}
              />
            </Field>
          )}
        />
        {labels.map((l) => (
          <Field key={l.name} label={l.label} error={errors[l.name]?.message}>
            <Input {...form.register(l.name)} testId={l.testId} />
          </Field>
        ))}
        <div className="flex justify-end gap-2 pt-1">
          <Button intent="secondary" onClick={onClose}>
            {t('toolbar.cancel')}
          </Button>
          <Button type="submit" testId={submitTestId}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SplitDialog({ period, index, onClose }: { period: Span; index: number; onClose: () => void }) {
  const t = useTranslations('editor');
  const middle = period.from + Math.floor((period.to - period.from + 1) / 2) - 1;
  const labelsAt = (cut: number) => ({
    firstLabel: periodLabelFor(period.label, period, { from: period.from, to: cut }),
    secondLabel: periodLabelFor(period.label, period, { from: cut + 1, to: period.to }),
  });
  return (
    <PeriodDialog
      title={t('toolbar.splitTitle', { period: period.label })}
      body={t('toolbar.splitBody', { years: formatRange(period) })}
      testId="split-dialog"
      schema={ZSplitPeriod}
      defaultValues={{ lastYearOfFirst: String(middle), ...labelsAt(middle) }}
      suggest={(cut) => (cut >= period.from && cut < period.to ? labelsAt(cut) : null)}
      year={{
        name: 'lastYearOfFirst',
        label: t('toolbar.lastYearOfFirst'),
        testId: 'split-year',
        hint: (cut) =>
          cut >= period.from && cut < period.to ? t('toolbar.splitInto', { first: formatRange({ from: period.from, to: cut }), second: formatRange({ from: cut + 1, to: period.to }) }) : undefined,
      }}
      labels={[
        { name: 'firstLabel', label: t('toolbar.firstLabel'), testId: 'split-first-label' },
        { name: 'secondLabel', label: t('toolbar.secondLabel'), testId: 'split-second-label' },
      ]}
      submitLabel={t('toolbar.split')}
      submitTestId="split-confirm"
      refuse={(cut) => (cut < period.from || cut >= period.to ? t('toolbar.cutOutside', { from: period.from, to: period.to - 1 }) : null)}
      apply={(values) => (doc) => splitPeriod(doc, index, values.lastYearOfFirst as number, [values.firstLabel as string, values.secondLabel as string])}
      onClose={onClose}
    />
  );
}

function AddDialog({ last, onClose }: { last: Span; onClose: () => void }) {
  const t = useTranslations('editor');
  const length = last.to - last.from + 1;
  return (
    <PeriodDialog
      title={t('toolbar.addTitle')}
      body={t('toolbar.addBody', { year: last.to + 1 })}
      testId="add-period-dialog"
      schema={ZAddPeriod}
      defaultValues={{ to: String(last.to + length), label: formatRange({ from: last.to + 1, to: last.to + length }) }}
      year={{ name: 'to', label: t('toolbar.lastYear'), testId: 'add-period-to' }}
      suggest={(to) => (to > last.to ? { label: formatRange({ from: last.to + 1, to }) } : null)}
      labels={[{ name: 'label', label: t('toolbar.periodLabel'), testId: 'add-period-label' }]}
      submitLabel={t('toolbar.addPeriod')}
      submitTestId="add-period-confirm"
      refuse={(to) => (to <= last.to ? t('toolbar.addAfter', { year: last.to }) : null)}
      apply={(values) => (doc) => addPeriod(doc, values.to as number, values.label as string)}
      onClose={onClose}
    />
  );
}
