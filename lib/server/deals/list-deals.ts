import 'server-only';
import type { Actor, OrganisationKind, Side } from '@/lib/domain/actor';
import { db } from '@/lib/server/db';
import { dealDto, type DealDto } from './deal-dto';

export type DealListItem = Pick<DealDto, 'id' | 'slug' | 'name' | 'nameZh' | 'watershed' | 'watershedZh' | 'startYear' | 'endYear' | 'status' | 'illustrative'> & {
  mySide: Side;
  parties: { side: Side; organisation: string; organisationZh: string; kind: OrganisationKind }[];
};

/** The deals the actor is a member of, and nothing else. */
export async function listDeals({ actor }: { actor: Actor }): Promise<DealListItem[]> {
  const deals = await db().deal.findMany({
    where: { members: { some: { userId: actor.id, user: { disabled: false } } } },
    orderBy: [{ status: 'asc' }, { name: 'asc' }],
    include: { members: { include: { user: { include: { organisation: true } } } } },
  });
  return deals.map((deal) => {
    const parties = new Map<string, DealListItem['parties'][number]>();
    for (const member of deal.members) {
      const org = member.user.organisation;
      parties.set(`${member.side}:${org.id}`, { side: member.side, organisation: org.name, organisationZh: org.nameZh, kind: org.kind });
    }
    const mine = deal.members.find((member) => member.userId === actor.id);
    return {
      ...dealDto(deal),
      mySide: mine?.side ?? 'OBSERVER',
      parties: [...parties.values()].sort((a, b) => sideOrder(a.side) - sideOrder(b.side)),
    };
  });
}

const order: Side[] = ['UPSTREAM', 'DOWNSTREAM', 'FUND', 'OBSERVER'];
function sideOrder(side: Side): number {
  return order.indexOf(side);
}
