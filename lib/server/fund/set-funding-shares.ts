import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import { funders, parseShares } from '@/lib/domain/ledger';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { loadAdministration } from './administration';
import { inFundTransaction, mayAdminister } from './fund-access';

/**
 * Who funds the payments to the upstream party: central government, the downstream party and the
 * upstream party's own budget, as fractions adding up to exactly 1. It changes the scheduled split
 * and the settlements run from now on; a confirmed settlement keeps the split it was run with.
 */
export async function setFundingShares({ actor, origin, dealId, agreementId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string; input: { shares: Record<string, string> } }) {
  const parsed = parseShares(input.shares);
  if (!parsed.ok) {
    throw ValidationError.listing(parsed.problems.map((p) => ({ ...p, field: `shares.${p.field}`.replace('shares.shares', 'shares') })));
  }
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async (tx, { access, agreement }) => {
    const admin = await loadAdministration(tx, agreement);
    for (const funder of funders) {
      await tx.fundingShare.upsert({
        where: { agreementId_funder: { agreementId: agreement.id, funder } },
        create: { agreementId: agreement.id, funder, share: parsed.shares[funder], updatedById: actor.id },
        update: { share: parsed.shares[funder], updatedById: actor.id },
      });
    }
    await appendAuditEvent(tx, {
      action: 'fund.shares_set',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: { before: admin.sharesAgreed ? admin.shares : null, after: parsed.shares },
    });
    return { shares: parsed.shares };
  });
}
