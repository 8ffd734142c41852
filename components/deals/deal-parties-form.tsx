'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFieldArray, useFormState, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { Select } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { DealPartiesView, PartyOrganisation } from '@/lib/contracts/deals';
import type { SetDealPartiesForm, SetDealPartiesInput } from '@/lib/domain/deal-parties';
import { partyBases, partyLists, type DealPartyList } from '@/lib/domain/party-lists';
import { funders } from '@/lib/domain/ledger';

type Form = SetDealPartiesForm;

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const dealPartiesSchema = lazySchema(() => import('@/lib/domain/deal-parties').then((m) => m.ZSetDealParties));

function formValues(view: DealPartiesView): Form {
  const list = (name: DealPartyList) => ({
    basis: view[name].basis,
    parties: view[name].parties.map((p) => ({ organisationId: p.id, value: p.value, ...(name === 'funders' ? { funder: p.funder ?? 'DOWNSTREAM' } : {}) })),
  });
  return { upstream: list('upstream'), downstream: list('downstream'), funders: list('funders') as Form['funders'], quantityUnit: view.quantityUnit };
}

/** One list: its basis (share or quantity) and a row per party, each an organisation and its value. */
function PartyListFields({
  name,
  control,
  register,
  choices,
  zh,
  disabled,
}: {
  name: DealPartyList;
  control: Control<Form>;
  register: UseFormRegister<Form>;
  choices: readonly PartyOrganisation[];
  zh: boolean;
  disabled: boolean;
}) {
  const t = useTranslations('dealParties');
  const rows = useFieldArray({ control, name: `${name}.parties` as 'upstream.parties' });
  const basis = useWatch({ control, name: `${name}.basis` });
  const { errors } = useFormState({ control });
  const listErrors = errors[name]?.parties;
  const options = choices.map((o) => ({ value: o.id, label: zh ? o.nameZh : o.name }));
  const add = () => {
    const used = new Set(rows.fields.map((f) => f.organisationId));
    const next = choices.find((o) => !used.has(o.id)) ?? choices[0];
    if (next) rows.append({ organisationId: next.id, value: '', ...(name === 'funders' ? { funder: 'CENTRAL' } : {}) } as never);
  };
  return (
    <fieldset className="space-y-2 border-t border-slate-100 pt-3" data-testid={`parties-${name}`}>
      <legend className="font-medium">{t(`list.${name}`)}</legend>
      <p className="text-slate-600">{t(`explain.${name}`)}</p>
      <Field label={t('basis')} className="w-64">
        <Select options={partyBases.map((b) => ({ value: b, label: t(`bases.${b}`) }))} {...register(`${name}.basis`)} testId={`parties-${name}-basis`} />
      </Field>
      {rows.fields.map((row, i) => (
        <div key={row.id} className="flex flex-wrap items-start gap-3" data-testid={`parties-${name}-row`}>
          <Field label={t('organisation')} error={listErrors?.[i]?.organisationId?.message}>
            <Select className="w-56" options={options} {...register(`${name}.parties.${i}.organisationId`)} testId={`parties-${name}-${i}-organisation`} />
          </Field>
          {name === 'funders' && (
            <Field label={t('funderLine')} error={(listErrors as { funder?: { message?: string } }[] | undefined)?.[i]?.funder?.message}>
              <Select options={funders.map((f) => ({ value: f, label: t(`funder.${f}`) }))} {...register(`funders.parties.${i}.funder`)} testId={`parties-funders-${i}-funder`} />
            </Field>
          )}
          <Field label={t(`value.${basis ?? 'share'}`)} error={listErrors?.[i]?.value?.message}>
            <Input className="w-32" inputMode="decimal" {...register(`${name}.parties.${i}.value`)} testId={`parties-${name}-${i}-value`} />
          </Field>
          <Button intent="plain" size="sm" className="mt-6" onClick={() => rows.remove(i)} disabled={disabled}>
            {t('remove')}
          </Button>
        </div>
      ))}
      {listErrors?.message && <p className="text-xs text-red-700">{listErrors.message}</p>}
      {choices.length ? (
        <Button intent="secondary" size="sm" onClick={add} disabled={disabled} testId={`parties-${name}-add`}>
          {t('add')}
        </Button>
      ) : (
        <p className="text-slate-500">{t('noChoices')}</p>
      )}
    </fieldset>
  );
}

/**
 * The deal's parties on each side and its funders, with their shares (docs/decisions/0098): a deal
 * manager edits them, every other member reads them. An agreement drafted afterwards copies them
 * into its terms; the API checks again and decides.
 */
export function DealPartiesForm({ dealId, view, editable, zh }: { dealId: string; view: DealPartiesView; editable: boolean; zh: boolean }) {
  const t = useTranslations('dealParties');
  const router = useRouter();
  const { busy, failure, done, send } = useApiForm();
  const { control, register, handleSubmit } = useDomainForm(dealPartiesSchema, { mode: 'onSubmit', defaultValues: formValues(view) });
  const save = (input: SetDealPartiesInput) =>
    send(
      () => callApi(`/api/v1/deals/${dealId}/parties`, { method: 'PUT', json: input }),
      () => router.refresh(),
    );
  const none = partyLists.every((list) => view[list].parties.length === 0);
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="deal-parties-form">
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="text-slate-600">{none ? t('none') : t('explain.all')}</p>
      <form className="space-y-3" onSubmit={handleSubmit(save)} noValidate>
        <fieldset disabled={!editable} className="space-y-3">
          {partyLists.map((list) => (
            <PartyListFields key={list} name={list} control={control} register={register} choices={view.choices[list]} zh={zh} disabled={!editable} />
          ))}
          <Field label={t('quantityUnit')} hint={t('quantityUnitHint')} className="w-64">
            <Input maxLength={40} {...register('quantityUnit')} testId="parties-quantity-unit" />
          </Field>
        </fieldset>
        {editable && (
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3">
            <Button type="submit" disabled={busy} testId="save-deal-parties">
              {t('submit')}
            </Button>
            {done && !failure && (
              <span className="text-green-700" data-testid="deal-parties-saved">
                {t('saved')}
              </span>
            )}
          </div>
        )}
        {failure && <Problems failure={failure} />}
      </form>
    </section>
  );
}
