import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { grants } from '@/lib/domain/deal-rights';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import { monitoringEntryGap } from '@/lib/domain/agreement-navigation';
import type { Tx } from '@/lib/server/transaction';
import { recordSecurityEvent } from '@/lib/server/audit/record-security-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction, requireDealAccess, type DealAccess } from '@/lib/server/authz/require-deal-access';
import { text } from '@/lib/domain/local-text';

/**
 * Who may do what in the fund's administration of an agreement (docs/decisions/0016):
 * - reading (monitoring, settlements, ledger, history) is the deal's view right;
 * - entering monitoring results: the upstream and downstream sides with the edit right, and fund
 *   members with the edit or manage right; observers never;
 * - everything else that changes the administration (tolerances, funding shares, resolving a
 *   dispute, running and confirming settlements, recording payments): fund members with manage.
 */

type Membership = DealAccess['membership'];
export type FundRule = (actor: Actor, membership: Membership) => ForbiddenError | null;

export const administerRight = 'administerFund';

export const mayAdminister: FundRule = (actor, membership) => {
  if (!grants(actor, membership, 'manage')) return new ForbiddenError('manage');
  if (membership.side !== 'FUND') return new ForbiddenError(administerRight, text('right.administerFund'));
  return null;
};

export const mayEnterMonitoring: FundRule = (actor, membership) => {
  const gap = monitoringEntryGap(actor, membership);
  if (gap === 'edit') return new ForbiddenError('edit');
  if (gap === 'side') return new ForbiddenError('enterMonitoring', text('right.enterMonitoring'));
  return null;
};

/** What the reader may do, for pages that hide forms they could not submit. */
export function fundAbilities(actor: Actor, membership: Membership) {
  return { side: membership.side, mayEnter: mayEnterMonitoring(actor, membership) === null, mayAdminister: mayAdminister(actor, membership) === null };
}

interface FundRequest {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  rule: FundRule;
}

/** The archived agreement of the deal, or why not: not found, or not signed yet. */
export async function administeredAgreement(client: Tx, dealId: string, agreementId: string) {
  const agreement = isId(agreementId) ? await client.agreement.findFirst({ where: { id: agreementId, dealId } }) : null;
  if (!agreement) throw new NotFoundError('agreement');
  return agreement;
}

function requireArchived(agreement: { number: number; status: string }) {
  if (agreement.status !== 'ARCHIVED') {
    throw new ConflictError(text('agreementNotAdministered', { number: agreement.number, state: text(agreement.status === 'DRAFT' ? 'agreementState.unsigned' : 'agreementState.void') }));
  }
}

/**
 * A change to an agreement's administration: the deal's gate (404 for strangers, recorded), then
 * the fund's rule (403, recorded), then one transaction with the membership share-locked and the
 * rule checked again, one writer per agreement (an advisory lock), the agreement found and
 * archived. The change and its audit event commit together.
 */
export async function inFundTransaction<T>(
  request: FundRequest,
  change: (tx: Tx, context: { access: DealAccess; agreement: Awaited<ReturnType<typeof administeredAgreement>> }) => Promise<T>,
): Promise<T> {
  const { actor, origin, dealId, agreementId, rule } = request;
  const access = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const refused = rule(actor, access.membership);
  if (refused) {
    await recordSecurityEvent({
      action: 'access.refused',
      origin,
      actorId: actor.id,
      object: { type: 'agreement', id: agreementId.slice(0, 64) },
      detail: { right: refused.right, status: 403, dealId },
    });
    throw refused;
  }
  return inDealTransaction({ actor, dealId, right: 'view', origin }, async (tx, locked) => {
    const again = rule(actor, locked.membership);
    if (again) throw again;
    const agreement = await administeredAgreement(tx, dealId, agreementId);
    // Monitoring, settlements and payments of one agreement change one at a time: a settlement
    // confirmed while a result is being entered would otherwise rest on data it never saw.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`fund:${agreement.id}`}, 0))::text`;
    requireArchived(agreement);
    return change(tx, { access: locked, agreement });
  });
}

/** A read: the deal's view right and the agreement in it (any status; pages say what a draft lacks). */
export async function readAdministered({ actor, origin, dealId, agreementId, client }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string; client: Tx }) {
  const access = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const agreement = await administeredAgreement(client, dealId, agreementId);
  return { access, agreement, abilities: fundAbilities(actor, access.membership) };
}
