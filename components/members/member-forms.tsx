'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { addMemberAction, changeMemberAction, removeMemberAction, type MemberActionState } from '@/app/(app)/deals/[dealId]/members/actions';
import { sides, type Side } from '@/lib/domain/actor';

function Feedback({ state }: { state: MemberActionState }) {
  const t = useTranslations('members');
  if (state.error) return <p role="alert" className="text-xs text-red-700">{state.error}</p>;
  return state.done ? <p className="text-xs text-green-700">{t('saved')}</p> : null;
}

function SideSelect({ value }: { value?: Side }) {
  const tSide = useTranslations('side');
  return (
    <select name="side" defaultValue={value ?? 'OBSERVER'} className="rounded-md border border-slate-300 px-2 py-1">
      {sides.map((side) => (
        <option key={side} value={side}>
          {tSide(side)}
        </option>
      ))}
    </select>
  );
}

export function MemberRowForm({ dealId, member, self }: { dealId: string; member: { id: string; side: Side; canEdit: boolean; canSign: boolean }; self: boolean }) {
  const t = useTranslations('members');
  const [changeState, change, changing] = useActionState(changeMemberAction, {});
  const [removeState, remove, removing] = useActionState(removeMemberAction, {});
  return (
    <div className="flex flex-wrap items-center gap-3">
      <form action={change} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="dealId" value={dealId} />
        <input type="hidden" name="memberId" value={member.id} />
        <SideSelect value={member.side} />
        <label className="flex items-center gap-1">
          <input type="checkbox" name="canEdit" defaultChecked={member.canEdit} /> {t('canEdit')}
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" name="canSign" defaultChecked={member.canSign} /> {t('canSign')}
        </label>
        <button type="submit" disabled={changing} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
          {t('save')}
        </button>
      </form>
      {!self && (
        <form action={remove}>
          <input type="hidden" name="dealId" value={dealId} />
          <input type="hidden" name="memberId" value={member.id} />
          <button type="submit" disabled={removing} className="rounded-md border border-red-200 px-2 py-1 text-red-700 hover:bg-red-50">
            {t('remove')}
          </button>
        </form>
      )}
      <Feedback state={changeState.error || changeState.done ? changeState : removeState} />
    </div>
  );
}

export function AddMemberForm({ dealId }: { dealId: string }) {
  const t = useTranslations('members');
  const [state, add, adding] = useActionState(addMemberAction, {});
  return (
    <form action={add} className="flex flex-wrap items-end gap-3 text-sm" data-testid="add-member">
      <input type="hidden" name="dealId" value={dealId} />
      <label className="flex flex-col gap-1">
        {t('email')}
        <input name="email" type="email" required className="w-64 rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <SideSelect />
      <label className="flex items-center gap-1">
        <input type="checkbox" name="canEdit" /> {t('canEdit')}
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" name="canSign" /> {t('canSign')}
      </label>
      <button type="submit" disabled={adding} className="rounded-md bg-water-700 px-3 py-1.5 text-white">
        {t('addButton')}
      </button>
      <Feedback state={state} />
    </form>
  );
}
