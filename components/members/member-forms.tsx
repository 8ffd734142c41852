'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Checkbox, Input } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { Select } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import { sides, type Side } from '@/lib/domain/actor';
import { partySides } from '@/lib/domain/deal-rights';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const changeMemberSchema = lazySchema(() => import('@/lib/domain/deal-schemas').then((m) => m.ZChangeMember));
const inviteMemberSchema = lazySchema(() => import('@/lib/domain/deal-schemas').then((m) => m.ZInviteMember));

/**
 * Member changes go through the same v1 API as any other client (and its authorisation matrix);
 * the page hiding a form protects nothing, the API decides.
 */
function useMemberCall() {
  const router = useRouter();
  const { busy, failure, done, send } = useApiForm();
  const call = (url: string, method: string, json?: unknown) =>
    send(
      () => callApi(url, { method, json }),
      () => router.refresh(),
    );
  return { failure, done: Boolean(done), busy, call };
}

function Feedback({ failure, done }: { failure: ApiFailure | null; done: boolean }) {
  const t = useTranslations('members');
  if (failure) return <Problems failure={failure} className="text-xs" />;
  return done ? <p className="text-xs text-green-700">{t('saved')}</p> : null;
}

/** Party sides and the sign right are offered only to a platform administrator (the API refuses them to anyone else). */
function useSideOptions(mayGrant: boolean, current?: Side) {
  const tSide = useTranslations('side');
  return sides.map((side) => ({ value: side, label: tSide(side), disabled: !mayGrant && side !== current && partySides.includes(side) }));
}

export function MemberRowForm({ dealId, member, self, mayGrant }: { dealId: string; member: { id: string; side: Side; canEdit: boolean; canSign: boolean }; self: boolean; mayGrant: boolean }) {
  const t = useTranslations('members');
  const { failure, done, busy, call } = useMemberCall();
  const [confirming, setConfirming] = useState(false);
  const sideOptions = useSideOptions(mayGrant, member.side);
  const { register, handleSubmit } = useDomainForm(changeMemberSchema, { defaultValues: { side: member.side, canEdit: member.canEdit, canSign: member.canSign } });
  const url = `/api/v1/deals/${dealId}/members/${member.id}`;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <form onSubmit={handleSubmit((change) => call(url, 'PATCH', change))} className="flex flex-wrap items-center gap-3">
        <Select aria-label={t('side')} options={sideOptions} {...register('side')} />
        <Checkbox label={t('canEdit')} {...register('canEdit')} />
        <Checkbox label={t('canSign')} disabled={!mayGrant && !member.canSign} {...register('canSign')} />
        <Button type="submit" intent="secondary" size="sm" disabled={busy}>
          {t('save')}
        </Button>
      </form>
      {!self && (
        <Button intent="dangerOutline" size="sm" disabled={busy} onClick={() => setConfirming(true)}>
          {t('remove')}
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        danger
        busy={busy}
        title={t('removeTitle')}
        body={t('removeBody')}
        confirmLabel={t('removeConfirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void call(url, 'DELETE');
        }}
        testId="remove-member"
      />
      <Feedback failure={failure} done={done} />
    </div>
  );
}

export function AddMemberForm({ dealId, mayGrant }: { dealId: string; mayGrant: boolean }) {
  const t = useTranslations('members');
  const { failure, done, busy, call } = useMemberCall();
  const sideOptions = useSideOptions(mayGrant);
  const { register, handleSubmit, formState } = useDomainForm(inviteMemberSchema, { defaultValues: { email: '', side: 'OBSERVER', canEdit: false, canSign: false } });
  return (
    <form onSubmit={handleSubmit((invite) => call(`/api/v1/deals/${dealId}/members`, 'POST', invite))} className="flex flex-wrap items-end gap-3 text-sm" data-testid="add-member" noValidate>
      <Field label={t('email')} error={formState.errors.email?.message}>
        <Input type="email" className="w-64" {...register('email')} />
      </Field>
      <Field label={t('side')}>
        <Select options={sideOptions} {...register('side')} />
      </Field>
      <Checkbox label={t('canEdit')} className="pb-1" {...register('canEdit')} />
      <Checkbox label={t('canSign')} className="pb-1" disabled={!mayGrant} {...register('canSign')} />
      <Button type="submit" disabled={busy}>
        {t('addButton')}
      </Button>
      <Feedback failure={failure} done={done} />
    </form>
  );
}
