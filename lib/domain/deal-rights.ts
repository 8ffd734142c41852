import type { Actor, DealStatus } from './actor';

/**
 * What a member may do in a deal. Membership itself is the view right; edit and sign are granted
 * per member; manage (members and status) belongs to fund administrators and platform
 * administrators who are members of the deal.
 */
export const dealRights = ['view', 'edit', 'sign', 'manage'] as const;
export type DealRight = (typeof dealRights)[number];

export interface MembershipRights {
  canEdit: boolean;
  canSign: boolean;
}

export function grants(actor: Pick<Actor, 'role'>, membership: MembershipRights, right: DealRight): boolean {
  switch (right) {
    case 'view':
      return true;
    case 'edit':
      return membership.canEdit;
    case 'sign':
      return membership.canSign;
    case 'manage':
      return actor.role === 'ADMIN' || actor.role === 'FUND_ADMIN';
    default:
      // A right this code does not know grants nothing (fail closed).
      return false;
  }
}

/** Who may create deals at all. */
export function mayCreateDeals(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'ADMIN' || actor.role === 'FUND_ADMIN';
}

/** The deal's life: draft → negotiating → agreed → archived, one step at a time, forward only. */
export const dealStatusTransitions: Record<DealStatus, DealStatus[]> = {
  DRAFT: ['NEGOTIATING'],
  NEGOTIATING: ['AGREED'],
  AGREED: ['ARCHIVED'],
  ARCHIVED: [],
};

export function mayMoveDeal(from: DealStatus, to: DealStatus): boolean {
  return dealStatusTransitions[from].includes(to);
}
