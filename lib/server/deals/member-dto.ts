import 'server-only';
import type { DealMember, Prisma } from '@/lib/generated/prisma/client';

export type MemberDto = ReturnType<typeof memberDto>;

/** What memberDto reads of a membership: not the whole user row (its password hash among it). */
export const memberWithUser = {
  id: true,
  userId: true,
  side: true,
  canEdit: true,
  canSign: true,
  user: { select: { name: true, email: true, disabled: true, organisation: { select: { id: true, name: true, nameZh: true, kind: true } } } },
} satisfies Prisma.DealMemberSelect;

export function memberDto(member: Prisma.DealMemberGetPayload<{ select: typeof memberWithUser }>) {
  return {
    id: member.id,
    userId: member.userId,
    name: member.user.name,
    email: member.user.email,
    disabled: member.user.disabled,
    organisation: { id: member.user.organisation.id, name: member.user.organisation.name, nameZh: member.user.organisation.nameZh, kind: member.user.organisation.kind },
    side: member.side,
    canEdit: member.canEdit,
    canSign: member.canSign,
  };
}

export function memberSummary(member: Pick<DealMember, 'userId' | 'side' | 'canEdit' | 'canSign'>) {
  return { userId: member.userId, side: member.side, canEdit: member.canEdit, canSign: member.canSign };
}
