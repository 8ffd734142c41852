import 'server-only';
import type { DealPeriod } from '@/lib/contracts/deals';
import type { Deal } from '@/lib/generated/prisma/client';

export type DealDto = ReturnType<typeof dealDto>;

export function dealDto(deal: Deal) {
  return {
    id: deal.id,
    slug: deal.slug,
    name: deal.name,
    nameZh: deal.nameZh,
    watershed: deal.watershed,
    watershedZh: deal.watershedZh,
    startYear: deal.startYear,
    endYear: deal.endYear,
    currency: deal.currency,
    unit: deal.unit,
    priceBase: deal.priceBase,
    // Written only by createDeal, from a checked list (lib/domain/deal-schemas.ts).
    periods: deal.periods as unknown as DealPeriod[],
    status: deal.status,
    illustrative: deal.illustrative,
    createdAt: deal.createdAt.toISOString(),
    updatedAt: deal.updatedAt.toISOString(),
  };
}
