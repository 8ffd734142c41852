import 'server-only';
import type { Actor, OrganisationKind, Side } from '@/lib/domain/actor';
import { db } from '@/lib/server/db';
import { dealDto, type DealDto } from './deal-dto';

export type DealListItem = Pick<DealDto, 'id' | 'slug' | 'name' | 'nameZh' | 'watershed' | 'watershedZh' | 'startYear' | 'endYear' | 'status' | 'illustrative'> & {
  mySide: Side;
  parties: { side: Side; organisation: string; organisationZh: string; kind: OrganisationKind }[];
};

interface PartyRow {
  dealId: string;
  side: Side;
  organisation: string;
  organisationZh: string;
  kind: OrganisationKind;
}

/** The deals the actor is a member of, and nothing else. */
export async function listDeals({ actor }: { actor: Actor }): Promise<DealListItem[]> {
  // The memberships are the query: a deal the actor is not a member of is never read.
  const mine = await db().dealMember.findMany({
    where: { userId: actor.id, user: { disabled: false } },
    orderBy: [{ deal: { status: 'asc' } }, { deal: { name: 'asc' } }],
    select: { side: true, deal: true },
  });
  if (mine.length === 0) return [];
  // Each deal's parties are its members' organisations, side by side: read as the distinct
  // pairs, not as every member's row (a deal has dozens of members and a handful of parties).
  const parties = await db().$queryRaw<PartyRow[]>`
    SELECT DISTINCT m."dealId"::text AS "dealId", m.side::text AS side, o.name AS organisation, o."nameZh" AS "organisationZh", o.kind::text AS kind
    FROM "DealMember" m JOIN "User" u ON u.id = m."userId" JOIN "Organisation" o ON o.id = u."organisationId"
    WHERE m."dealId" = ANY(${mine.map((m) => m.deal.id)}::uuid[])`;
  const byDeal = new Map<string, DealListItem['parties']>();
  for (const row of parties) {
    const list = byDeal.get(row.dealId) ?? [];
    list.push({ side: row.side, organisation: row.organisation, organisationZh: row.organisationZh, kind: row.kind });
    byDeal.set(row.dealId, list);
  }
  return mine.map(({ side, deal }) => ({
    ...dealDto(deal),
    mySide: side,
    parties: (byDeal.get(deal.id) ?? []).sort((a, b) => sideOrder(a.side) - sideOrder(b.side) || a.organisation.localeCompare(b.organisation)),
  }));
}

const order: Side[] = ['UPSTREAM', 'DOWNSTREAM', 'FUND', 'OBSERVER'];
function sideOrder(side: Side): number {
  return order.indexOf(side);
}
