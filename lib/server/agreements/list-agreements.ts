import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { grants } from '@/lib/domain/deal-rights';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { auditedAgreementHashes } from './agreement-content';
import { agreementSummaryDto } from './agreement-dto';

/** A deal's agreements, newest first, each with its hash checked and whether it waits for the reader. */
export async function listAgreements({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }) {
  const { membership } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const agreements = await db().agreement.findMany({ where: { dealId }, include: { signatories: { include: { signature: true } } }, orderBy: { number: 'desc' } });
  const mayStillSign = grants(actor, membership, 'sign');
  const audited = await auditedAgreementHashes(
    db(),
    agreements.filter((a) => a.status === 'ARCHIVED').map((a) => a.id),
  );
  return agreements.map(({ signatories, ...agreement }) => agreementSummaryDto({ agreement, signatories, auditedHash: audited.get(agreement.id) ?? null }, { userId: actor.id, mayStillSign }));
}

export type AgreementSummary = Awaited<ReturnType<typeof listAgreements>>[number];
