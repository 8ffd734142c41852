'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { sides } from '@/lib/domain/actor';
import { isDomainError } from '@/lib/domain/errors';
import { currentActor } from '@/lib/server/auth/current-actor';
import { requestOrigin } from '@/lib/server/auth/request-origin';
import { addDealMember } from '@/lib/server/deals/add-deal-member';
import { changeDealMember } from '@/lib/server/deals/change-deal-member';
import { findInvitee } from '@/lib/server/deals/find-invitee';
import { removeDealMember } from '@/lib/server/deals/remove-deal-member';

export type MemberActionState = { error?: string; done?: boolean };

const ZForm = z.object({
  dealId: z.uuid(),
  memberId: z.uuid().optional(),
  email: z.string().trim().email('must be an e-mail address').optional(),
  side: z.enum(sides, 'choose a side'),
  canEdit: z.literal('on').optional(),
  canSign: z.literal('on').optional(),
});

// Each action re-checks everything in its use case: the page hiding a form protects nothing.
async function run(work: (context: { actor: NonNullable<Awaited<ReturnType<typeof currentActor>>>; origin: ReturnType<typeof requestOrigin> }) => Promise<unknown>, dealId: string): Promise<MemberActionState> {
  const actor = await currentActor();
  if (!actor) return { error: 'Your session has ended; sign in again.' };
  try {
    await work({ actor, origin: requestOrigin(await headers()) });
  } catch (error) {
    if (isDomainError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath(`/deals/${dealId}/members`);
  return { done: true };
}

function parse(form: FormData) {
  return ZForm.safeParse(Object.fromEntries([...form.entries()].filter(([, value]) => value !== '')));
}

export async function addMemberAction(_state: MemberActionState, form: FormData): Promise<MemberActionState> {
  const parsed = parse(form);
  if (!parsed.success || !parsed.data.email) return { error: parsed.success ? 'email: required' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const { dealId, email, side, canEdit, canSign } = parsed.data;
  return run(async ({ actor, origin }) => {
    const userId = await findInvitee({ actor, origin, dealId, email });
    await addDealMember({ actor, origin, dealId, input: { userId, side, canEdit: Boolean(canEdit), canSign: Boolean(canSign) } });
  }, dealId);
}

export async function changeMemberAction(_state: MemberActionState, form: FormData): Promise<MemberActionState> {
  const parsed = parse(form);
  if (!parsed.success || !parsed.data.memberId) return { error: parsed.success ? 'memberId: required' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const { dealId, memberId, side, canEdit, canSign } = parsed.data;
  return run(({ actor, origin }) => changeDealMember({ actor, origin, dealId, memberId, input: { side, canEdit: Boolean(canEdit), canSign: Boolean(canSign) } }), dealId);
}

export async function removeMemberAction(_state: MemberActionState, form: FormData): Promise<MemberActionState> {
  const parsed = z.object({ dealId: z.uuid(), memberId: z.uuid() }).safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) return { error: 'memberId: not a member id' };
  const { dealId, memberId } = parsed.data;
  return run(({ actor, origin }) => removeDealMember({ actor, origin, dealId, memberId }), dealId);
}
