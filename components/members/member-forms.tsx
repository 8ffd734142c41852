'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { callApi } from '@/components/api-client';
import { sides, type Side } from '@/lib/domain/actor';
import { partySides } from '@/lib/domain/deal-rights';

type Outcome = { error?: string; done?: boolean };

/**
 * Member changes go through the same v1 API as any other client (and its authorisation matrix);
 * the page hiding a form protects nothing, the API decides.
 */
function useMemberCall() {
  const router = useRouter();
  const t = useTranslations('version');
  const [outcome, setOutcome] = useState<Outcome>({});
  const [busy, setBusy] = useState(false);
  const call = async (url: string, method: string, json?: unknown) => {
    setBusy(true);
    const answer = await callApi(url, { method, json });
    setBusy(false);
    if (!answer.ok) return setOutcome({ error: answer.status === 0 ? t('network') : answer.message });
    setOutcome({ done: true });
    router.refresh();
  };
  return { outcome, busy, call };
}

function Feedback({ outcome }: { outcome: Outcome }) {
  const t = useTranslations('members');
  if (outcome.error) return <p role="alert" className="text-xs text-red-700">{outcome.error}</p>;
  return outcome.done ? <p className="text-xs text-green-700">{t('saved')}</p> : null;
}

/** Party sides and the sign right are offered only to a platform administrator (the API refuses them to anyone else). */
function SideSelect({ value, mayGrant }: { value?: Side; mayGrant: boolean }) {
  const tSide = useTranslations('side');
  return (
    <select name="side" defaultValue={value ?? 'OBSERVER'} className="rounded-md border border-slate-300 px-2 py-1">
      {sides.map((side) => (
        <option key={side} value={side} disabled={!mayGrant && side !== value && partySides.includes(side)}>
          {tSide(side)}
        </option>
      ))}
    </select>
  );
}

function rightsOf(form: HTMLFormElement) {
  const data = new FormData(form);
  return { side: String(data.get('side')), canEdit: data.get('canEdit') === 'on', canSign: data.get('canSign') === 'on' };
}

export function MemberRowForm({ dealId, member, self, mayGrant }: { dealId: string; member: { id: string; side: Side; canEdit: boolean; canSign: boolean }; self: boolean; mayGrant: boolean }) {
  const t = useTranslations('members');
  const { outcome, busy, call } = useMemberCall();
  const url = `/api/v1/deals/${dealId}/members/${member.id}`;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          void call(url, 'PATCH', rightsOf(event.currentTarget));
        }}
        className="flex flex-wrap items-center gap-3"
      >
        <SideSelect value={member.side} mayGrant={mayGrant} />
        <label className="flex items-center gap-1">
          <input type="checkbox" name="canEdit" defaultChecked={member.canEdit} /> {t('canEdit')}
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" name="canSign" defaultChecked={member.canSign} disabled={!mayGrant && !member.canSign} /> {t('canSign')}
        </label>
        <button type="submit" disabled={busy} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
          {t('save')}
        </button>
      </form>
      {!self && (
        <button type="button" disabled={busy} onClick={() => void call(url, 'DELETE')} className="rounded-md border border-red-200 px-2 py-1 text-red-700 hover:bg-red-50">
          {t('remove')}
        </button>
      )}
      <Feedback outcome={outcome} />
    </div>
  );
}

export function AddMemberForm({ dealId, mayGrant }: { dealId: string; mayGrant: boolean }) {
  const t = useTranslations('members');
  const { outcome, busy, call } = useMemberCall();
  return (
    <form
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const form = event.currentTarget;
        void call(`/api/v1/deals/${dealId}/members`, 'POST', { email: String(new FormData(form).get('email') ?? '').trim(), ...rightsOf(form) });
      }}
      className="flex flex-wrap items-end gap-3 text-sm"
      data-testid="add-member"
    >
      <label className="flex flex-col gap-1">
        {t('email')}
        <input name="email" type="email" required className="w-64 rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <SideSelect mayGrant={mayGrant} />
      <label className="flex items-center gap-1">
        <input type="checkbox" name="canEdit" /> {t('canEdit')}
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" name="canSign" disabled={!mayGrant} /> {t('canSign')}
      </label>
      <button type="submit" disabled={busy} className="rounded-md bg-water-700 px-3 py-1.5 text-white">
        {t('addButton')}
      </button>
      <Feedback outcome={outcome} />
    </form>
  );
}
