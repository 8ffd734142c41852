'use client';

import { useTranslations } from 'next-intl';
import type { Control, FieldErrors, UseFormRegister } from 'react-hook-form';
import { useIndicatorName } from './use-indicator-name';
import { callApi } from '@/components/api-client';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { EnterMonitoringValueInput } from '@/lib/domain/fund-schemas';
import { entryModes } from '@/lib/domain/monitoring-entry';
import { LabResultFields, type LabResultForm } from './sample-rows';
import type { MonitoringView } from '@/lib/contracts/fund';
import { FormOutcome } from './api-form';
import { latestClosed } from './monitoring-years';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const enterMonitoringSchema = lazySchema(() => import('@/lib/domain/fund-schemas').then((m) => m.ZEnterMonitoringForm));

/** What the form holds: both ways of reporting at once; the chosen one is sent (ZEnterMonitoringForm). */
interface EntryForm {
  mode: (typeof entryModes)[number];
  year: number;
  indicator: string;
  laboratory: string;
  value: string;
  sampledFrom: string;
  sampledTo: string;
  samples: { on: string; value: string }[];
}

/**
 * One result as a side measured it: year, indicator and laboratory, then either one value with its
 * sampling period or the year's dated samples, a row each (decision 0097).
 */
export function MonitoringEnterForm({ dealId, agreementId, view, onDone }: { dealId: string; agreementId: string; view: MonitoringView; onDone: () => void }) {
  const t = useTranslations('fund');
  const indicatorName = useIndicatorName();
  const open = view.years.filter((y) => !y.settled).map((y) => y.year);
  const defaults: EntryForm = {
    mode: 'value',
    year: latestClosed(open),
    indicator: view.indicators[0]?.name ?? '',
    value: '',
    laboratory: '',
    sampledFrom: '',
    sampledTo: '',
    samples: [{ on: '', value: '' }],
  };
  const { register, control, handleSubmit, formState, resetField, setValue, watch } = useDomainForm(enterMonitoringSchema, { defaultValues: defaults as unknown as Record<string, unknown> });
  const errors = formState.errors as FieldErrors<EntryForm>;
  const mode = watch('mode') as EntryForm['mode'];
  const { busy, failure, done, send } = useApiForm();
  const enter = (value: EnterMonitoringValueInput) =>
    send(
      () => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`, { json: value }),
      () => {
        resetField('value');
        resetField('samples');
        onDone();
      },
    );

  return (
    <form onSubmit={handleSubmit(enter)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="enter-form" noValidate>
      <h2 className="font-semibold">{t('monitoring.enter.title', { side: t(`side.${view.me.side}`) })}</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('monitoring.field.year')} error={errors.year?.message}>
          <Select options={open.map((y) => ({ value: String(y), label: String(y) }))} {...register('year', { valueAsNumber: true })} />
        </Field>
        <Field label={t('monitoring.field.indicator')} error={errors.indicator?.message}>
          <Select options={view.indicators.map((i) => ({ value: i.name, label: `${indicatorName(i.name)} (${i.unit})` }))} {...register('indicator')} />
        </Field>
        <Field label={t('monitoring.field.laboratory')} error={errors.laboratory?.message}>
          <Input testId="enter-laboratory" {...register('laboratory')} />
        </Field>
      </div>
      <LabResultFields
        mode={mode}
        onMode={(next) => setValue('mode', next)}
        control={control as unknown as Control<LabResultForm>}
        register={register as unknown as UseFormRegister<LabResultForm>}
        errors={errors as FieldErrors<LabResultForm>}
        testId="enter"
      />
      <FormOutcome
        busy={busy}
        saved={Boolean(done)}
        failure={failure}
        submit={t('monitoring.enter.submit')}
        savedText={t('monitoring.enter.saved')}
        testIds={{ submit: 'enter-submit', problems: 'enter-problems' }}
      />
    </form>
  );
}
