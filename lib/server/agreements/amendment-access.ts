import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { grants } from '@/lib/domain/deal-rights';
import { ForbiddenError } from '@/lib/domain/errors';
import type { FundRule } from '@/lib/server/fund/fund-access';
import { mayAdminister } from '@/lib/server/fund/fund-access';

/**
 * Who may propose an amendment (docs/decisions/0089): a party member with the sign right (the
 * parties are who sign it), or a fund administrator (who usually notices that a rule no longer
 * fits). Proposing changes nothing until every signatory has signed. Anyone else lacks the sign
 * right, which is what the refusal names (a fund member without manage is told the same).
 */
export const mayProposeAmendment: FundRule = (actor, membership) => {
  if (mayAdminister(actor, membership) === null) return null;
  const party = membership.side === 'UPSTREAM' || membership.side === 'DOWNSTREAM';
  return party && grants(actor, membership, 'sign') ? null : new ForbiddenError('sign');
};

/** Signing an amendment needs the deal's sign right; being a signatory of the agreement is checked on its rows. */
export const maySignAmendment: FundRule = (actor: Actor, membership) => (grants(actor, membership, 'sign') ? null : new ForbiddenError('sign'));
