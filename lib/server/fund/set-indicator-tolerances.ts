import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError } from '@/lib/domain/errors';
import type { SetTolerancesInput } from '@/lib/domain/fund-schemas';
import { text } from '@/lib/domain/local-text';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inFundTransaction, mayAdminister } from './fund-access';

/**
 * The tolerance between the labs is a monitoring rule of the signed terms (docs/decisions/0066),
 * and the fund administers only signed agreements: whether or not the terms state one, after
 * signing it changes only by an amendment both parties sign (docs/decisions/0089). Tolerances the
 * fund recorded before this rule keep applying to the agreements they were recorded for.
 */
export async function setIndicatorTolerances({
  actor,
  origin,
  dealId,
  agreementId,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  input: SetTolerancesInput;
}): Promise<never> {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async () => {
    throw new ConflictError(text('tolerancesSigned'));
  });
}
