import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Which kept import files a member may open: the fund's all of them, a party's those imported for
 * its own side. A file holds a lab's values for whole years, so another party reading it would
 * see them before entering its own (blind entry, decision 0067); decision 0091.
 */
export function visibleImports(agreementId: string, side: string): Prisma.MonitoringImportWhereInput {
  if (side === 'FUND') return { agreementId };
  if (side === 'UPSTREAM' || side === 'DOWNSTREAM') return { agreementId, side };
  return { agreementId, id: { in: [] } };
}
