import type { Actor, Side } from './actor';
import type { AgreementStatus } from './agreement-state';
import { grants, type MembershipRights } from './deal-rights';
import { isMonitoringSide } from './monitoring';

/**
 * Which of an agreement's pages a member is shown a way to (docs/decisions/0088): exactly the
 * ones the reader may open and will find something on, so a link never ends in a 404 or a page
 * that says "not for you".
 *
 * - The administration pages (monitoring, settlements, ledger) are read with the deal's view
 *   right (decision 0016), and exist only for a signed, archived agreement: a draft's have
 *   nothing to show, so a draft links only its history.
 * - The fund's portfolio and archive list the deals where the reader is a fund member; the
 *   breadcrumb through them is shown to fund members of this deal only.
 * - Monitoring is where a lab enters its results: a party's side with the edit right, or the fund
 *   with edit or manage (the rule lib/server/fund/fund-access.ts enforces).
 */

export const administrationTabs = ['monitoring', 'settlements', 'ledger', 'history'] as const;
export type AdministrationTab = (typeof administrationTabs)[number];

export interface NavigationMember extends MembershipRights {
  side: Side;
}

/** What is missing for a member to enter monitoring results: the edit right, a lab's side, or nothing. */
export function monitoringEntryGap(actor: Pick<Actor, 'role'>, membership: NavigationMember): 'edit' | 'side' | null {
  const fundManager = membership.side === 'FUND' && grants(actor, membership, 'manage');
  if (!grants(actor, membership, 'edit') && !fundManager) return 'edit';
  if (!isMonitoringSide(membership.side)) return 'side';
  return null;
}

export interface AgreementNavigation {
  /** The administration pages linked, in their order. */
  tabs: AdministrationTab[];
  /** Whether the breadcrumb runs through the fund's portfolio and archive. */
  fundCrumbs: boolean;
  /** Whether the reader's lab enters results on the monitoring page (the link says so). */
  entersResults: boolean;
}

export function agreementNavigation(actor: Pick<Actor, 'role'>, membership: NavigationMember, agreement: { status: AgreementStatus }): AgreementNavigation {
  if (!grants(actor, membership, 'view')) return { tabs: [], fundCrumbs: false, entersResults: false };
  const signed = agreement.status === 'ARCHIVED';
  return {
    tabs: administrationTabs.filter((tab) => signed || tab === 'history'),
    fundCrumbs: membership.side === 'FUND',
    entersResults: signed && monitoringEntryGap(actor, membership) === null,
  };
}
