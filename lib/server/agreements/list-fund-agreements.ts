import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { AgreementArchiveFilter } from '@/lib/domain/agreement-schemas';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { auditedAgreementHashes } from './agreement-content';
import { agreementSummaryDto } from './agreement-dto';

/**
 * The fund's archive across deals: the agreements of every deal in which the reader is a member
 * on the fund side, filtered by watershed (either language), status, a year the agreement
 * covers, and its total in whole currency. Deals the reader is not a fund member of never appear.
 */
export async function listFundAgreements({ actor, filter = {} }: { actor: Actor; origin: RequestOrigin; filter?: AgreementArchiveFilter }) {
  const watershed = filter.watershed;
  const where: Prisma.AgreementWhereInput = {
    deal: {
      members: { some: { userId: actor.id, side: 'FUND' } },
      ...(watershed ? { OR: [{ watershed: { contains: watershed, mode: 'insensitive' } }, { watershedZh: { contains: watershed } }] } : {}),
    },
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.year !== undefined ? { startYear: { lte: filter.year }, endYear: { gte: filter.year } } : {}),
    ...(filter.minAmount !== undefined || filter.maxAmount !== undefined
      ? { totalAmount: { ...(filter.minAmount !== undefined ? { gte: filter.minAmount } : {}), ...(filter.maxAmount !== undefined ? { lte: filter.maxAmount } : {}) } }
      : {}),
  };
  const agreements = await db().agreement.findMany({
    where,
    include: { signatories: { include: { signature: true } }, deal: { select: { id: true, slug: true, name: true, nameZh: true, watershed: true, watershedZh: true } } },
    orderBy: [{ createdAt: 'desc' }],
    take: 500,
  });
  const audited = await auditedAgreementHashes(
    db(),
    agreements.filter((a) => a.status === 'ARCHIVED').map((a) => a.id),
  );
  // Fund members hold no sign right in the agreements they keep; nothing waits for them.
  return agreements.map(({ signatories, deal, ...agreement }) => ({
    ...agreementSummaryDto({ agreement, signatories, auditedHash: audited.get(agreement.id) ?? null }, { userId: actor.id, mayStillSign: false }),
    deal,
  }));
}
