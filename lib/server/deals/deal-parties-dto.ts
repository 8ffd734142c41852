import 'server-only';
import type { DealPartiesView, DealPartyListView, PartyOrganisation } from '@/lib/contracts/deals';
import { dealPartiesSection, type StoredDealParty } from '@/lib/domain/deal-parties';
import type { PartiesSection } from '@/lib/terms/parties';
import type { Tx } from '@/lib/server/transaction';

/** A deal's parties as stored, in list order, with their organisations' names as they are now. */
export async function loadDealParties(client: Tx, dealId: string): Promise<StoredDealParty[]> {
  const rows = await client.dealParty.findMany({
    where: { dealId },
    orderBy: [{ side: 'asc' }, { position: 'asc' }],
    include: { organisation: { select: { name: true, nameZh: true } } },
  });
  return rows.map(storedDealParty);
}

/**
 * The deal's parties as the terms' `parties` section, null when it names none: what a draft on the
 * deal starts from (the workbench, the offer composer), the section the acceptance checks it against.
 */
export async function loadDealPartiesSection(client: Tx, deal: { id: string; partyQuantityUnit: string | null }): Promise<PartiesSection | null> {
  return dealPartiesSection(await loadDealParties(client, deal.id), deal.partyQuantityUnit);
}

/** A party row as read with its organisation's names: decimals as the text they were agreed in. */
export function storedDealParty(row: {
  organisationId: string;
  organisation: { name: string; nameZh: string };
  side: StoredDealParty['side'];
  funder: StoredDealParty['funder'];
  share: { toFixed(): string } | null;
  quantity: { toFixed(): string } | null;
}): StoredDealParty {
  return {
    organisationId: row.organisationId,
    name: row.organisation.name,
    nameZh: row.organisation.nameZh,
    side: row.side,
    funder: row.funder,
    share: row.share === null ? null : row.share.toFixed(),
    quantity: row.quantity === null ? null : row.quantity.toFixed(),
  };
}

/** The organisations of the deal's active members, by the side they are members of. */
export async function memberOrganisations(client: Tx, dealId: string): Promise<{ side: string; organisation: PartyOrganisation }[]> {
  const members = await client.dealMember.findMany({
    where: { dealId, user: { disabled: false } },
    orderBy: { createdAt: 'asc' },
    select: { side: true, user: { select: { organisation: { select: { id: true, name: true, nameZh: true } } } } },
  });
  return members.map((m) => ({ side: m.side, organisation: m.user.organisation }));
}

function listView(parties: readonly StoredDealParty[], side: StoredDealParty['side']): DealPartyListView {
  const rows = parties.filter((p) => p.side === side);
  return {
    basis: rows.some((p) => p.quantity !== null) ? 'quantity' : 'share',
    parties: rows.map((p) => ({
      id: p.organisationId,
      name: p.name,
      nameZh: p.nameZh,
      value: p.share ?? p.quantity ?? '',
      ...(p.funder ? { funder: p.funder } : {}),
    })),
  };
}

const unique = (organisations: PartyOrganisation[]) => [...new Map(organisations.map((o) => [o.id, o])).values()];

export function dealPartiesView(parties: readonly StoredDealParty[], quantityUnit: string | null, members: readonly { side: string; organisation: PartyOrganisation }[]): DealPartiesView {
  const onSide = (side: string) => unique(members.filter((m) => m.side === side).map((m) => m.organisation));
  return {
    upstream: listView(parties, 'UPSTREAM'),
    downstream: listView(parties, 'DOWNSTREAM'),
    funders: listView(parties, 'FUNDER'),
    quantityUnit: quantityUnit ?? '',
    choices: { upstream: onSide('UPSTREAM'), downstream: onSide('DOWNSTREAM'), funders: unique(members.map((m) => m.organisation)) },
  };
}
