import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError } from '@/lib/domain/errors';
import { text } from '@/lib/domain/local-text';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inFundTransaction, mayAdminister } from './fund-access';

/**
 * Who funds the payments is part of the signed terms (`fundingShares`, docs/terms.md), and the fund
 * administers only signed agreements: after signing the split changes only by an amendment both
 * parties sign (docs/decisions/0089). The route stays so that a client still using it learns why
 * (409) instead of a 404; who may not administer is refused first (403), as before.
 */
export async function setFundingShares({
  actor,
  origin,
  dealId,
  agreementId,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  input: { shares: Record<string, string> };
}): Promise<never> {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async () => {
    throw new ConflictError(text('sharesNeedAmendment'));
  });
}
