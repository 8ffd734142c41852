'use client';

import { useTranslations } from 'next-intl';
import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NumberField } from '@/components/ui/number-field';
import { maxSamplesPerYear } from '@/lib/domain/monitoring-entry';

/** The part of a form that holds a list of dated samples. */
export interface SampleRowsForm {
  samples: { on: string; value: string }[];
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
