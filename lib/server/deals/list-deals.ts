import 'server-only';
import type { Actor, OrganisationKind, Side } from '@/lib/domain/actor';
import type { Deal } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { dealDto, type DealDto } from './deal-dto';

export type DealListItem = Pick<DealDto, 'id' | 'slug' | 'name' | 'nameZh' | 'watershed' | 'watershedZh' | 'startYear' | 'endYear' | 'status' | 'illustrative'> & {
  mySide: Side;
  parties: { side: Side; organisation: string; organisationZh: string; kind: OrganisationKind }[];
};

type Party = DealListItem['parties'][number];
type DealRow = Deal & { mySide: Side; parties: Party[] };

/**
 * The deals the actor is a member of, and nothing else, in one round trip: the memberships are
 * the query (a deal the actor is not a member of is never read), and each deal's parties are its
 * members' organisations side by side, read as the distinct pairs rather than every member's row
 * (a deal has dozens of members and a handful of parties). Two queries cost the deal list a
 * second wait for a pooled connection under load (docs/decisions/0076-where-request-time-goes.md).
 */
export async function listDeals({ actor }: { actor: Actor }): Promise<DealListItem[]> {
  const rows = await db().$queryRaw<DealRow[]>`
    SELECT d.id::text AS id, d.slug, d.name, d."nameZh", d.watershed, d."watershedZh", d."startYear", d."endYear", d.currency, d.unit, d."priceBase",
      d.status::text AS status, d.illustrative, d."createdById"::text AS "createdById", d."createdAt", d."updatedAt", m.side::text AS "mySide",
      COALESCE((
        SELECT json_agg(p) FROM (
          SELECT DISTINCT pm.side::text AS side, o.name AS organisation, o."nameZh" AS "organisationZh", o.kind::text AS kind
          FROM "DealMember" pm JOIN "User" pu ON pu.id = pm."userId" JOIN "Organisation" o ON o.id = pu."organisationId"
          WHERE pm."dealId" = d.id
        ) p
      ), '[]'::json) AS parties
    FROM "DealMember" m JOIN "User" u ON u.id = m."userId" JOIN "Deal" d ON d.id = m."dealId"
    WHERE m."userId" = ${actor.id}::uuid AND NOT u.disabled
    ORDER BY d.status, d.name`;
  return rows.map(({ mySide, parties, ...deal }) => ({
    ...dealDto(deal),
    mySide,
    parties: parties.sort((a, b) => sideOrder(a.side) - sideOrder(b.side) || a.organisation.localeCompare(b.organisation)),
  }));
}

const order: Side[] = ['UPSTREAM', 'DOWNSTREAM', 'FUND', 'OBSERVER'];
function sideOrder(side: Side): number {
  return order.indexOf(side);
}
