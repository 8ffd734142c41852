'use client';

import { useTranslations } from 'next-intl';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FileInput } from '@/components/ui/file-input';
import { Input, Radio, Textarea } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { Select } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { CellDto } from '@/lib/contracts/fund';
import type { ResolveDisputeInput } from '@/lib/domain/fund-schemas';
import { resolutionMethods } from '@/lib/domain/monitoring';
import { entryModes } from '@/lib/domain/monitoring-entry';
import type { Control, FieldErrors, UseFormRegister } from 'react-hook-form';
import { LabResultFields, type LabResultForm } from './sample-rows';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const resolveDisputeSchema = lazySchema(() => import('@/lib/domain/fund-schemas').then((m) => m.ZResolveDisputeForm));

/**
 * How the fund settles a disputed result: accept one side's value, average them, or record a retest
 * with its evidence: one value with its sampling period, or its dated samples (decision 0110).
 */
export function ResolveForm({ dealId, agreementId, cell, onDone }: { dealId: string; agreementId: string; cell: CellDto; onDone: () => void }) {
  const t = useTranslations('fund');
  const { register, control, handleSubmit, formState, watch, getValues, setValue } = useDomainForm(resolveDisputeSchema, {
    defaultValues: {
      method: 'AVERAGE',
      year: cell.year,
      indicator: cell.indicator,
      valueId: cell.current[0]?.id ?? '',
      note: '',
      value: '',
      laboratory: '',
      sampledFrom: `${cell.year}-01-01`,
      sampledTo: `${cell.year}-12-31`,
      retestMode: 'value',
      samples: [{ on: '', value: '' }],
    },
  });
  const errors = formState.errors as Partial<Record<string, { message?: string }>>;
  const method = watch('method');
  const retestMode = watch('retestMode') as (typeof entryModes)[number];
  const { busy, failure, send } = useApiForm();
  const url = `/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/resolutions`;

  const resolve = (resolution: ResolveDisputeInput) =>
    send(() => {
      if (resolution.method !== 'RETEST') return callApi(url, { json: resolution });
      // A retest comes with its laboratory's report: the resolution and the file in one request.
      const form = new FormData();
      form.set('resolution', JSON.stringify(resolution));
      const file = (getValues('file') as FileList | undefined)?.[0];
      if (file) form.set('file', file);
      return callApi(url, { form });
    }, onDone);

  return (
    <form onSubmit={handleSubmit(resolve)} className="mt-2 space-y-3 rounded-md border border-slate-300 bg-white p-3" data-testid={`resolve-form-${cell.year}-${cell.indicator}`} noValidate>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-slate-600">{t('monitoring.resolve.how')}</legend>
        {resolutionMethods.map((m) => (
          <Radio key={m} value={m} testId={`resolve-method-${m}`} label={t(`monitoring.resolve.method.${m}`)} {...register('method')} />
        ))}
      </fieldset>
      {method === 'ACCEPT' && (
        <Field label={t('monitoring.resolve.accept')} error={errors.valueId?.message}>
          <Select
            testId="resolve-accept"
            options={cell.current.map((e) => ({
              value: e.id,
              label: `${t(`side.${e.side}`)}: ${e.value}${e.sampleCount !== null ? ` · ${t('monitoring.samples.meanOf', { count: e.sampleCount })}` : ''} (${e.laboratory})`,
            }))}
            {...register('valueId')}
          />
        </Field>
      )}
      {method === 'RETEST' && (
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label={t('monitoring.field.laboratory')} error={errors.laboratory?.message}>
              <Input testId="retest-laboratory" {...register('laboratory')} />
            </Field>
            <Field label={t('monitoring.resolve.evidence')}>
              <FileInput testId="retest-file" {...register('file')} />
            </Field>
          </div>
          <LabResultFields
            mode={retestMode}
            onMode={(next) => setValue('retestMode', next)}
            control={control as unknown as Control<LabResultForm>}
            register={register as unknown as UseFormRegister<LabResultForm>}
            errors={errors as FieldErrors<LabResultForm>}
            testId="retest"
          />
        </div>
      )}
      <Field label={t('monitoring.resolve.note')} error={errors.note?.message}>
        <Textarea className="min-h-16" placeholder={t('monitoring.resolve.notePlaceholder')} testId="resolve-note" {...register('note')} />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy} testId="resolve-submit">
          {busy ? t('common.saving') : t('monitoring.resolve.submit')}
        </Button>
        <span className="text-xs text-slate-500">{t('monitoring.resolve.explain')}</span>
      </div>
      {failure && <Problems failure={failure} testId="resolve-problems" recover />}
    </form>
  );
}
