import type { Actor, DealStatus, Side } from './actor';

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

/**
 * The parties to a payment are the upstream and downstream sides; they and whoever signs bind an
 * organisation, so only a platform administrator puts a member there or gives a sign right. A fund
 * administrator manages the deal but must not be able to make itself (or anyone) a party or a
 * signatory. Taking either away stays with every manager.
 */
export const partySides: readonly Side[] = ['UPSTREAM', 'DOWNSTREAM'];

export function mayGrantPartyRights(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'ADMIN';
}

/** Whether a member's rights after a change give a party's side or a sign right it did not have before. */
export function givesPartyRights(after: { side?: Side; canSign?: boolean }, before?: { side: Side; canSign: boolean }): boolean {
  const newSide = after.side !== undefined && partySides.includes(after.side) && after.side !== before?.side;
  const newSign = after.canSign === true && before?.canSign !== true;
  return newSide || newSign;
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
