import 'server-only';
import type { AgreementLinks } from '@/lib/contracts/agreements';
import type { Actor } from '@/lib/domain/actor';
import { agreementNavigation } from '@/lib/domain/agreement-navigation';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';

/**
 * The deal's signed agreements with the pages of each the reader is shown (decision 0088): how a
 * lab reaches its monitoring page from the deal, without going through the fund's portfolio.
 */
export async function listAgreementLinks({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }): Promise<AgreementLinks[]> {
  const { membership } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const agreements = await db().agreement.findMany({
    where: { dealId, status: 'ARCHIVED' },
    select: { id: true, number: true, status: true, startYear: true, endYear: true },
    orderBy: { number: 'desc' },
  });
  return agreements.map((a) => ({ id: a.id, number: a.number, startYear: a.startYear, endYear: a.endYear, navigation: agreementNavigation(actor, membership, a) }));
}
