import { describe, expect, it } from 'vitest';
import { shiyanDocument } from '../../lib/engine';
import { D } from '../../lib/engine/decimal';
import { zoneByParty } from '../../lib/engine/party-shares';
import { ZSetDealParties } from '../../lib/domain/deal-parties';
import { setDealParties } from '../../lib/server/deals/set-deal-parties';
import { getBargainingZone } from '../../lib/server/negotiation/get-bargaining-zone';
import { getOfferRoom } from '../../lib/server/offers/get-offer-room';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { fundOrigin } from '../factories/signed-agreement';
import { threePartyDeal, type ThreePartyDeal } from '../factories/three-party-deal';

// Issue 17, item 6 (docs/decisions/0098, 0108): the zone and the offer room carry the deal's
// parties, read with the deal's scenarios, for the views by party; a deal of one party per side
// carries none, and its views stay as they were.

const origin = fundOrigin;

async function withVersion(t: ThreePartyDeal) {
  await saveScenarioVersion({ actor: t.shiyan, origin: origin(), dealId: t.deal.id, input: { document: shiyanDocument(), message: 'v1' } });
}

describe('the negotiation’s parties', () => {
  it('gives the zone and the offer room every party in list order, with names, weights and the central funders’ share', async () => {
    const t = await threePartyDeal();
    await withVersion(t);
    const { henan, beijing, shiyan } = t.organisations;
    const expected = {
      // Shiyan, alone upstream, states no quantity: all of its side.
      upstream: [{ id: shiyan.id, name: shiyan.name, nameZh: shiyan.nameZh, weight: '1' }],
      downstream: [
        { id: henan.id, name: henan.name, nameZh: henan.nameZh, weight: '37.7' },
        { id: beijing.id, name: beijing.name, nameZh: beijing.nameZh, weight: '12.4' },
      ],
      // The central government funds 0.5 of 0.5 + 0.3 + 0.2.
      centralShare: '0.5',
    };
    const zone = await getBargainingZone({ actor: t.beijing, origin: origin(), dealId: t.deal.id, locale: 'zh' });
    expect(zone.parties).toEqual(expected);
    const room = await getOfferRoom({ actor: t.henan, origin: origin(), dealId: t.deal.id });
    expect(room.parties).toEqual(expected);
    // The scenarios read with the parties are still the deal's: the zone has its version.
    expect(zone.choices).toHaveLength(1);
    expect(room.versions).toHaveLength(1);

    // The engine splits the zone's rows by these parties: the receivers pay half of the suggestion, by allocation.
    const suggested = D('1234.5');
    const split = zoneByParty({ lower: D('1000'), upper: D('1500'), suggested }, zone.parties!);
    const paid = split.downstream.reduce((sum, p) => sum.plus(p.suggested!), D(0));
    expect(paid.toFixed()).toBe(suggested.div(2).toFixed());
    expect(split.central!.toFixed()).toBe(suggested.div(2).toFixed());
    expect(split.downstream[0]!.fraction.toFixed(6)).toBe(D('37.7').div('50.1').toFixed(6));
  });

  it('without funders the downstream side pays the whole payment: a central share of 0', async () => {
    const t = await threePartyDeal({ funders: false });
    const zone = await getBargainingZone({ actor: t.shiyan, origin: origin(), dealId: t.deal.id });
    expect(zone.parties?.centralShare).toBe('0');
    expect(zone.parties?.downstream.map((p) => p.weight)).toEqual(['37.7', '12.4']);
  });

  it('carries no parties for one party per side, named or not: the views as before', async () => {
    const t = await threePartyDeal();
    await withVersion(t);
    const onePerSide = ZSetDealParties.parse({
      upstream: { parties: [{ organisationId: t.organisations.shiyan.id }] },
      downstream: { parties: [{ organisationId: t.organisations.henan.id }] },
      funders: { parties: [{ organisationId: t.organisations.central.id, funder: 'CENTRAL', value: '1' }] },
    });
    await setDealParties({ actor: t.fundAdmin, origin: origin(), dealId: t.deal.id, input: onePerSide });
    expect((await getBargainingZone({ actor: t.henan, origin: origin(), dealId: t.deal.id })).parties).toBeNull();
    expect((await getOfferRoom({ actor: t.henan, origin: origin(), dealId: t.deal.id })).parties).toBeNull();

    const none = ZSetDealParties.parse({ upstream: { parties: [] }, downstream: { parties: [] }, funders: { parties: [] } });
    await setDealParties({ actor: t.fundAdmin, origin: origin(), dealId: t.deal.id, input: none });
    expect((await getBargainingZone({ actor: t.henan, origin: origin(), dealId: t.deal.id })).parties).toBeNull();
    expect((await getOfferRoom({ actor: t.shiyan, origin: origin(), dealId: t.deal.id })).parties).toBeNull();
  });
});
