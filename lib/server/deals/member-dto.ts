import 'server-only';
import type { DealMember, Organisation, User } from '@/lib/generated/prisma/client';

export type MemberDto = ReturnType<typeof memberDto>;

export function memberDto(member: DealMember & { user: User & { organisation: Organisation } }) {
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
