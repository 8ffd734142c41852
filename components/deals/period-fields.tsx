'use client';

import { useTranslations } from 'next-intl';
import { Controller, useFieldArray, useFormState, type Control, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NumberInput } from '@/components/ui/number-input';

/** A year box: what is typed reaches the schema as a number, or as the text's NaN, which it refuses by name. */
export function YearField<F extends FieldValues>({ control, name, label, testId }: { control: Control<F>; name: Path<F>; label: string; testId?: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} error={fieldState.error?.message}>
          <NumberInput
            className="w-24"
            value={field.value === undefined || Number.isNaN(field.value) ? undefined : String(field.value)}
            onChange={(value) => field.onChange(value === '' ? undefined : Number(value))}
            onBlur={field.onBlur}
            name={field.name}
            ref={field.ref}
            testId={testId}
          />
        </Field>
      )}
    />
  );
}

/** The part of a form the periods live in: the new deal's, or the periods form of a deal already open. */
export type PeriodsForm = { periods?: { label?: string; from: number; to: number }[] };

/**
 * The deal's periods as rows of from, to and label, with "add period": a new period starts the
 * year after the one before ends (or in `firstYear()`), the only start the periods' rule allows.
 */
export function PeriodFields({
  control,
  register,
  getPeriods,
  firstYear,
}: {
  control: Control<PeriodsForm>;
  register: UseFormRegister<PeriodsForm>;
  getPeriods: () => PeriodsForm['periods'];
  firstYear: () => number | undefined;
}) {
  const t = useTranslations('newDeal');
  const periods = useFieldArray({ control, name: 'periods' });
  const { errors } = useFormState({ control });
  const addPeriod = () => {
    const last = getPeriods()?.at(-1);
    const from = last?.to !== undefined && !Number.isNaN(last.to) ? last.to + 1 : firstYear();
    periods.append({ label: '', from: from as number, to: undefined as unknown as number }, { focusName: `periods.${periods.fields.length}.to` });
  };
  return (
    <>
      {periods.fields.map((period, i) => (
        <div key={period.id} className="flex flex-wrap items-start gap-3" data-testid="deal-period">
          <YearField control={control} name={`periods.${i}.from`} label={t('periodFrom')} testId={`period-${i}-from`} />
          <YearField control={control} name={`periods.${i}.to`} label={t('periodTo')} testId={`period-${i}-to`} />
          <Field label={t('periodLabel')} hint={t('periodLabelHint')} error={errors.periods?.[i]?.label?.message}>
            <Input className="w-56" maxLength={60} {...register(`periods.${i}.label`)} testId={`period-${i}-label`} />
          </Field>
          <Button intent="plain" size="sm" className="mt-6" onClick={() => periods.remove(i)}>
            {t('remove')}
          </Button>
        </div>
      ))}
      {errors.periods?.message && <p className="text-xs text-red-700">{errors.periods.message}</p>}
      <Button intent="secondary" size="sm" onClick={addPeriod} testId="add-period">
        {t('addPeriod')}
      </Button>
    </>
  );
}
