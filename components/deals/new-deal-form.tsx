'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFieldArray, type Control, type UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Checkbox, Input } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { Select, type SelectOption } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import { sides } from '@/lib/domain/actor';
import { partySides } from '@/lib/domain/deal-rights';
import type { ZCreateDeal } from '@/lib/domain/deal-schemas';
import { PeriodFields, YearField, type PeriodsForm } from './period-fields';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const createDealSchema = lazySchema(() => import('@/lib/domain/deal-schemas').then((m) => m.ZCreateDeal));

type DealForm = z.input<typeof ZCreateDeal>;
/**
 * The deal's settings, its periods and its first members in one form and one request: the deal
 * exists with all of them or not at all. Party sides and the sign right are offered to platform
 * administrators only (decision 0056); the API refuses them to anyone else. `unitOptions` are the
 * units of ZCreateDeal as the page words them ("万元/年").
 */
export function NewDealForm({ mayGrant, unitOptions }: { mayGrant: boolean; unitOptions: readonly SelectOption[] }) {
  const t = useTranslations('newDeal');
  const tSide = useTranslations('side');
  const router = useRouter();
  const { busy, failure, send } = useApiForm<{ id: string }>();
  // Checked on submit, then as each problem is fixed: a period's end is not wrong while the next one is still to be added.
  const { register, control, handleSubmit, formState, getValues } = useDomainForm(createDealSchema, {
    mode: 'onSubmit',
    defaultValues: { slug: '', name: '', nameZh: '', watershed: '', watershedZh: '', priceBase: '', currency: 'CNY', illustrative: false, periods: [], members: [] },
  });
  const members = useFieldArray({ control, name: 'members' });
  const errors = formState.errors;
  const create = (deal: z.output<typeof ZCreateDeal>) =>
    send(
      () => callApi<{ id: string }>('/api/v1/deals', { json: deal }),
      (created) => router.push(`/deals/${created.id}`),
    );
  const sideOptions = [{ value: '', label: t('chooseSide') }, ...sides.map((side) => ({ value: side, label: tSide(side), disabled: !mayGrant && partySides.includes(side) }))];
  return (
    <form className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 text-sm" onSubmit={handleSubmit(create)} noValidate data-testid="new-deal">
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t('settings')}</legend>
        <div className="grid gap-3 md:grid-cols-2">
          <Field label={t('nameZh')} error={errors.nameZh?.message}>
            <Input maxLength={200} {...register('nameZh')} testId="deal-nameZh" />
          </Field>
          <Field label={t('name')} error={errors.name?.message}>
            <Input maxLength={200} lang="en" {...register('name')} testId="deal-name" />
          </Field>
          <Field label={t('watershedZh')} error={errors.watershedZh?.message}>
            <Input maxLength={200} {...register('watershedZh')} testId="deal-watershedZh" />
          </Field>
          <Field label={t('watershed')} error={errors.watershed?.message}>
            <Input maxLength={200} lang="en" {...register('watershed')} testId="deal-watershed" />
          </Field>
          <Field label={t('slug')} hint={t('slugHint')} error={errors.slug?.message}>
            <Input maxLength={63} {...register('slug')} testId="deal-slug" />
          </Field>
          <Field label={t('priceBase')} hint={t('priceBaseHint')} error={errors.priceBase?.message}>
            <Input maxLength={120} {...register('priceBase')} testId="deal-priceBase" />
          </Field>
        </div>
        <div className="flex flex-wrap items-start gap-3">
          <YearField<DealForm> control={control} name="startYear" label={t('startYear')} testId="deal-startYear" />
          <YearField<DealForm> control={control} name="endYear" label={t('endYear')} testId="deal-endYear" />
          <Field label={t('unit')} error={errors.unit?.message}>
            <Select
              {...register('unit', { setValueAs: (value: string) => (value === '' ? '' : Number(value)) })}
              options={[{ value: '', label: t('chooseUnit') }, ...unitOptions]}
              testId="deal-unit"
            />
          </Field>
          <Checkbox label={t('illustrative')} className="mt-6" {...register('illustrative')} />
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('periods')}</legend>
        <p className="text-slate-600">{t('periodsExplain')}</p>
        {/* The periods' part of the form is typed on its own: the same rows serve a deal already open. */}
        <PeriodFields
          control={control as unknown as Control<PeriodsForm>}
          register={register as unknown as UseFormRegister<PeriodsForm>}
          getPeriods={() => getValues('periods')}
          firstYear={() => getValues('startYear')}
        />
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('members')}</legend>
        <p className="text-slate-600">{t(mayGrant ? 'membersExplain' : 'membersExplainFund')}</p>
        {members.fields.map((member, i) => (
          <div key={member.id} className="flex flex-wrap items-start gap-3" data-testid="deal-member">
            <Field label={t('email')} error={errors.members?.[i]?.email?.message}>
              <Input type="email" className="w-64" {...register(`members.${i}.email`)} testId={`member-${i}-email`} />
            </Field>
            <Field label={t('side')} error={errors.members?.[i]?.side?.message}>
              <Select options={sideOptions} {...register(`members.${i}.side`)} testId={`member-${i}-side`} />
            </Field>
            <Checkbox label={t('canEdit')} className="mt-6" {...register(`members.${i}.canEdit`)} testId={`member-${i}-canEdit`} />
            <Checkbox label={t('canSign')} className="mt-6" disabled={!mayGrant} {...register(`members.${i}.canSign`)} testId={`member-${i}-canSign`} />
            <Button intent="plain" size="sm" className="mt-6" onClick={() => members.remove(i)}>
              {t('remove')}
            </Button>
          </div>
        ))}
        <Button
          intent="secondary"
          size="sm"
          onClick={() => members.append({ email: '', side: '' as never, canEdit: false, canSign: false }, { focusName: `members.${members.fields.length}.email` })}
          testId="add-member"
        >
          {t('addMember')}
        </Button>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <Button type="submit" disabled={busy} testId="create-deal-submit">
          {t('submit')}
        </Button>
        <span className="text-slate-600">{t('submitExplain')}</span>
      </div>
      {failure && <Problems failure={failure} />}
    </form>
  );
}
