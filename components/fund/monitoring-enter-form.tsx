'use client';

import { useTranslations } from 'next-intl';
import { useIndicatorName } from './use-indicator-name';
import { callApi } from '@/components/api-client';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NumberField } from '@/components/ui/number-field';
import { Select } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { EnterMonitoringValueInput } from '@/lib/domain/fund-schemas';
import type { MonitoringView } from '@/lib/contracts/fund';
import { FormOutcome } from './api-form';
import { latestClosed } from './monitoring-years';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const enterValueSchema = lazySchema(() => import('@/lib/domain/fund-schemas').then((m) => m.ZEnterMonitoringValue));

/** One result as a side measured it: year, indicator, value, laboratory and sampling period. */
export function MonitoringEnterForm({ dealId, agreementId, view, onDone }: { dealId: string; agreementId: string; view: MonitoringView; onDone: () => void }) {
  const t = useTranslations('fund');
  const indicatorName = useIndicatorName();
  const open = view.years.filter((y) => !y.settled).map((y) => y.year);
  const { register, control, handleSubmit, formState, resetField } = useDomainForm(enterValueSchema, {
    defaultValues: { year: latestClosed(open), indicator: view.indicators[0]?.name ?? '', value: '', laboratory: '', sampledFrom: '', sampledTo: '' },
  });
  const errors = formState.errors;
  const { busy, failure, done, send } = useApiForm();
  const enter = (value: EnterMonitoringValueInput) =>
    send(
      () => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`, { json: value }),
      () => {
        resetField('value');
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
        <NumberField control={control} name="value" label={t('monitoring.field.value')} testId="enter-value" />
        <Field label={t('monitoring.field.laboratory')} error={errors.laboratory?.message}>
          <Input testId="enter-laboratory" {...register('laboratory')} />
        </Field>
        <Field label={t('monitoring.field.sampledFrom')} error={errors.sampledFrom?.message}>
          <Input type="date" testId="enter-from" {...register('sampledFrom')} />
        </Field>
        <Field label={t('monitoring.field.sampledTo')} error={errors.sampledTo?.message}>
          <Input type="date" testId="enter-to" {...register('sampledTo')} />
        </Field>
      </div>
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
