'use client';

import { useTranslations } from 'next-intl';
import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NumberField } from '@/components/ui/number-field';
import { ToggleGroup } from '@/components/ui/toggle-group';
import { entryModes, maxSamplesPerYear } from '@/lib/domain/monitoring-entry';

/** The part of a form that holds a list of dated samples. */
export interface SampleRowsForm {
  samples: { on: string; value: string }[];
}

/** The part of a form that holds a result either way: one value with its period, or samples. */
export interface LabResultForm extends SampleRowsForm {
  value: string;
  sampledFrom: string;
  sampledTo: string;
}

type EntryMode = (typeof entryModes)[number];

/**
 * How a result is reported, chosen by a toggle: one value with its sampling period, or the year's
 * dated samples (decisions 0097, 0110). The lab's entry and the fund's re-test show the same
 * fields; `testId` prefixes them (`enter-value`, `enter-from`, `enter-mode-samples`, …).
 */
export function LabResultFields({
  mode,
  onMode,
  control,
  register,
  errors,
  testId,
}: {
  mode: EntryMode;
  onMode: (mode: EntryMode) => void;
  control: Control<LabResultForm>;
  register: UseFormRegister<LabResultForm>;
  errors: FieldErrors<LabResultForm>;
  testId: string;
}) {
  const t = useTranslations('fund');
  return (
    <>
      <ToggleGroup
        label={t('monitoring.enter.mode')}
        options={entryModes.map((m) => ({ value: m, label: t(`monitoring.enter.modes.${m}`), testId: `${testId}-mode-${m}` }))}
        value={mode}
        onChange={onMode}
      />
      {mode === 'value' ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <NumberField control={control} name="value" label={t('monitoring.field.value')} testId={`${testId}-value`} />
          <Field label={t('monitoring.field.sampledFrom')} error={errors.sampledFrom?.message}>
            <Input type="date" testId={`${testId}-from`} {...register('sampledFrom')} />
          </Field>
          <Field label={t('monitoring.field.sampledTo')} error={errors.sampledTo?.message}>
            <Input type="date" testId={`${testId}-to`} {...register('sampledTo')} />
          </Field>
        </div>
      ) : (
        <SampleRows control={control as unknown as Control<SampleRowsForm>} register={register as unknown as UseFormRegister<SampleRowsForm>} errors={errors} testId={testId} />
      )}
    </>
  );
}

/**
 * A year's dated samples as rows of date and value (a censored value written "<0.01"), added and
 * removed one at a time: a lab's entry and the fund's re-test take them alike (decisions 0097,
 * 0110). `testId` prefixes each control's test id (`enter` gives `enter-sample-on-0`).
 */
export function SampleRows({
  control,
  register,
  errors,
  testId,
}: {
  control: Control<SampleRowsForm>;
  register: UseFormRegister<SampleRowsForm>;
  errors: FieldErrors<SampleRowsForm>;
  testId: string;
}) {
  const t = useTranslations('fund');
  const samples = useFieldArray({ control, name: 'samples' });
  const listError = errors.samples?.root?.message ?? errors.samples?.message;
  return (
    <fieldset className="space-y-2" data-testid={`${testId}-samples`}>
      <legend className="text-sm text-slate-600">{t('monitoring.enter.samplesHint')}</legend>
      {listError && <p className="text-xs text-red-700">{listError}</p>}
      {samples.fields.map((field, index) => (
        <div key={field.id} className="flex flex-wrap items-end gap-2" data-testid={`${testId}-sample-${index}`}>
          <Field label={t('monitoring.enter.sampleDate', { row: index + 1 })} error={errors.samples?.[index]?.on?.message}>
            <Input type="date" testId={`${testId}-sample-on-${index}`} {...register(`samples.${index}.on`)} />
          </Field>
          <NumberField control={control} name={`samples.${index}.value`} label={t('monitoring.field.value')} testId={`${testId}-sample-value-${index}`} />
          <Button intent="quiet" onClick={() => samples.remove(index)} disabled={samples.fields.length === 1} testId={`${testId}-sample-remove-${index}`}>
            {t('monitoring.enter.removeSample')}
          </Button>
        </div>
      ))}
      <Button intent="quiet" onClick={() => samples.append({ on: '', value: '' })} disabled={samples.fields.length >= maxSamplesPerYear} testId={`${testId}-sample-add`}>
        {t('monitoring.enter.addSample')}
      </Button>
    </fieldset>
  );
}
