import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { NegotiationPartiesDto, NegotiationPartyDto } from '@/lib/contracts/negotiation';
import type { StoredDealParty } from '@/lib/domain/deal-parties';
import { ZERO } from '@/lib/engine/decimal';
import { storedDealParty } from '@/lib/server/deals/deal-parties-dto';

/** The deal's parties as a nested read of the deal (one statement with the deal, relationJoins), in list order. */
export const partiesSelect = {
  orderBy: [{ side: 'asc' }, { position: 'asc' }],
  select: { organisationId: true, side: true, funder: true, share: true, quantity: true, organisation: { select: { name: true, nameZh: true } } },
} satisfies Prisma.Deal$partiesArgs;

/** What a party counts for: its share or its quantity; a party alone in its list, all of it. */
const weightOf = (p: StoredDealParty) => p.share ?? p.quantity ?? '1';

/**
 * The deal's parties for the negotiation's views (docs/decisions/0108): null while no side has more
 * than one party, so a deal of one party per side reads as before. The central share is what the
 * named central funders count for among all named funders; none named, the downstream side pays
 * the whole payment (0).
 */
export function negotiationParties(rows: readonly Parameters<typeof storedDealParty>[0][]): NegotiationPartiesDto | null {
  const parties = rows.map(storedDealParty);
  const side = (which: StoredDealParty['side']): NegotiationPartyDto[] =>
    parties.filter((p) => p.side === which).map((p) => ({ id: p.organisationId, name: p.name, nameZh: p.nameZh, weight: weightOf(p) }));
  const upstream = side('UPSTREAM');
  const downstream = side('DOWNSTREAM');
  if (upstream.length < 2 && downstream.length < 2) return null;
  const funders = parties.filter((p) => p.side === 'FUNDER');
  const total = funders.reduce((sum, p) => sum.plus(weightOf(p)), ZERO);
  const central = funders.filter((p) => p.funder === 'CENTRAL').reduce((sum, p) => sum.plus(weightOf(p)), ZERO);
  return { upstream, downstream, centralShare: total.isZero() ? '0' : central.div(total).toFixed() };
}
