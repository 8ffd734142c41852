'use client';

import { useTranslations } from 'next-intl';
import { Controller, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NumberInput } from '@/components/ui/number-input';
import { lazySchema, useDomainForm, type LazySchema } from '@/components/ui/use-domain-form';
import { formatRange } from '@/lib/engine/years';
import { useEditor } from './editor-context';
import { addPeriod, periodLabelFor, splitPeriod, type ScenarioDocument, type Span } from './model';

// The toolbar's dialogs, fetched when one is opened (editor-toolbar.tsx): react-hook-form and the
// domain's schemas stay off a page that only shows the editor. The schemas come when a dialog's
// form is first checked (components/ui/domain-resolver.ts).
const splitPeriodSchema = lazySchema(() => import('@/lib/domain/scenario-schemas').then((m) => m.ZSplitPeriod));
const addPeriodSchema = lazySchema(() => import('@/lib/domain/scenario-schemas').then((m) => m.ZAddPeriod));

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
  schema: LazySchema<z.ZodType<Record<string, unknown>, FieldValues>>;
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

export function SplitDialog({ period, index, onClose }: { period: Span; index: number; onClose: () => void }) {
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
      schema={splitPeriodSchema}
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

export function AddDialog({ last, onClose }: { last: Span; onClose: () => void }) {
  const t = useTranslations('editor');
  const length = last.to - last.from + 1;
  return (
    <PeriodDialog
      title={t('toolbar.addTitle')}
      body={t('toolbar.addBody', { year: last.to + 1 })}
      testId="add-period-dialog"
      schema={addPeriodSchema}
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
