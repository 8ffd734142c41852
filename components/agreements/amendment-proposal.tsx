'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NumberField } from '@/components/ui/number-field';
import { Notice } from '@/components/ui/notice';
import { Problems } from '@/components/ui/problems';
import { Select } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import { useIndicatorName } from '@/components/fund/use-indicator-name';
import type { AmendmentForm } from '@/lib/domain/amendments';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const amendmentFormSchema = lazySchema(() => import('@/lib/domain/amendments').then((m) => m.ZAmendmentForm));

/**
 * Proposes a changed tolerance or changed funding shares. The server checks the values by reading
 * the amended terms as signed terms are read, and answers with the problems at their places.
 */
export function AmendmentProposal({
  dealId,
  agreementId,
  indicators,
  firstYear,
  lastYear,
}: {
  dealId: string;
  agreementId: string;
  indicators: { name: string; unit: string }[];
  firstYear: number;
  lastYear: number;
}) {
  const t = useTranslations('agreements.amendments');
  const tf = useTranslations('fund');
  const indicatorName = useIndicatorName();
  const { register, control, handleSubmit, formState, watch, reset } = useDomainForm(amendmentFormSchema, {
    defaultValues: { kind: 'tolerance', indicator: indicators[0]?.name ?? '', absolute: '', relative: '', central: '', downstream: '', upstream: '', effectiveFrom: firstYear, reason: '' },
  });
  const { busy, failure, done, send } = useApiForm();
  const router = useRouter();
  const kind = watch('kind');
  const unit = indicators.find((i) => i.name === watch('indicator'))?.unit;
  const propose = (form: AmendmentForm) =>
    send(
      async () => {
        // With the form's schema: lib/domain/amendments.ts, fetched when the form was checked.
        const { proposalOfForm } = await import('@/lib/domain/amendments');
        return callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/amendments`, { json: proposalOfForm(form) });
      },
      () => {
        reset();
        router.refresh();
      },
    );
  const years = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i);
  return (
    <form onSubmit={handleSubmit(propose)} noValidate className="mt-4 space-y-3 border-t border-slate-100 pt-4" data-testid="amendment-form">
      <h3 className="font-medium">{t('propose')}</h3>
      <div className="flex flex-wrap items-start gap-3">
        <Field label={t('kind')}>
          <Select
            testId="amendment-kind"
            {...register('kind')}
            options={[
              { value: 'tolerance', label: t('kindTolerance') },
              { value: 'shares', label: t('kindShares') },
            ]}
          />
        </Field>
        <Field label={t('effectiveFrom')} error={formState.errors.effectiveFrom?.message}>
          <Select testId="amendment-from" {...register('effectiveFrom', { valueAsNumber: true })} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        </Field>
      </div>
      {kind === 'tolerance' ? (
        <div className="flex flex-wrap items-start gap-3">
          <Field label={t('indicator')}>
            <Select testId="amendment-indicator" {...register('indicator')} options={indicators.map((i) => ({ value: i.name, label: indicatorName(i.name) }))} />
          </Field>
          <NumberField control={control} name="absolute" label={t('absolute')} hint={unit} className="w-32" testId="amendment-absolute" />
          <NumberField control={control} name="relative" label={t('relative')} className="w-32" testId="amendment-relative" />
        </div>
      ) : (
        <div className="space-y-1">
          <div className="flex flex-wrap items-start gap-3">
            <NumberField control={control} name="central" label={tf('funder.CENTRAL')} className="w-28" testId="amendment-central" />
            <NumberField control={control} name="downstream" label={tf('funder.DOWNSTREAM')} className="w-28" testId="amendment-downstream" />
            <NumberField control={control} name="upstream" label={tf('funder.UPSTREAM')} className="w-28" testId="amendment-upstream" />
          </div>
          <p className="text-xs text-slate-500">{t('sharesHint')}</p>
        </div>
      )}
      <Field label={t('reason')} error={formState.errors.reason?.message}>
        <Input className="w-full max-w-xl" testId="amendment-reason" {...register('reason')} />
      </Field>
      <Button type="submit" disabled={busy} testId="amendment-submit">
        {busy ? t('busy') : t('submit')}
      </Button>
      {failure && <Problems failure={failure} testId="amendment-problems" />}
      {done && (
        <Notice tone="success" testId="amendment-proposed">
          {t('proposed')}
        </Notice>
      )}
    </form>
  );
}
