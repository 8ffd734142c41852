import { shiyanDocument } from '../../lib/engine';
import { ZSetDealParties } from '../../lib/domain/deal-parties';
import { signAgreement } from '../../lib/server/agreements/sign-agreement';
import { loadActor } from '../../lib/server/auth/current-actor';
import { setDealParties } from '../../lib/server/deals/set-deal-parties';
import { answerOffer } from '../../lib/server/offers/answer-offer';
import { sendOffer } from '../../lib/server/offers/send-offer';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeOrganisation, testDb, testPassword } from './index';
import { fundOrigin, type FundActor } from './signed-agreement';
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);

async function userOf(organisation: { id: string }, role: 'MEMBER' | 'FUND_ADMIN' | 'ADMIN' = 'MEMBER') {
  const user = await testDb().user.create({
    data: { email: `user-${randomUUID()}@example.test`, name: `Member ${randomUUID().slice(0, 4)}`, passwordHash: await hash(testPassword), role, organisationId: organisation.id },
  });
  return (await loadActor(user.id)) as FundActor;
}

/**
 * The Middle Route in small (docs/decisions/0098): Shiyan upstream, Henan and Beijing downstream
 * sharing by water allocation (37.7 and 12.4), the central government funding half of every
 * payment; one member of each organisation, Beijing's without the sign right unless `beijingSigns`.
 * The parties are set by the fund administrator, who manages the deal.
 */
export async function threePartyDeal(options: { beijingSigns?: boolean; funders?: boolean } = {}) {
  const tag = randomUUID().slice(0, 6);
  const named = async (name: string, nameZh: string, kind: Parameters<typeof makeOrganisation>[0]) =>
    testDb().organisation.update({ where: { id: (await makeOrganisation(kind)).id }, data: { name: `${name} ${tag}`, nameZh: `${nameZh}${tag}` } });
  const [shiyanOrg, henanOrg, beijingOrg, centralOrg, fundOrg] = await Promise.all([
    named('Shiyan', '十堰市', 'UPSTREAM_GOVERNMENT'),
    named('Henan', '河南省', 'DOWNSTREAM_AUTHORITY'),
    named('Beijing', '北京市', 'DOWNSTREAM_AUTHORITY'),
    named('Ministry of Finance', '财政部', 'CENTRAL_GOVERNMENT'),
    named('Water fund', '水基金', 'WATER_FUND'),
  ]);
  const [shiyan, henan, beijing, central, fundAdmin] = await Promise.all([userOf(shiyanOrg), userOf(henanOrg), userOf(beijingOrg), userOf(centralOrg), userOf(fundOrg, 'FUND_ADMIN')]);
  const deal = await makeDeal([
    { userId: shiyan.id, side: 'UPSTREAM', canEdit: true, canSign: true },
    { userId: henan.id, side: 'DOWNSTREAM', canEdit: true, canSign: true },
    { userId: beijing.id, side: 'DOWNSTREAM', canEdit: true, canSign: options.beijingSigns !== false },
    { userId: central.id, side: 'OBSERVER' },
    { userId: fundAdmin.id, side: 'FUND' },
  ]);
  await testDb().deal.update({ where: { id: deal.id }, data: { status: 'NEGOTIATING' } });
  const input = ZSetDealParties.parse({
    upstream: { parties: [{ organisationId: shiyanOrg.id }] },
    downstream: {
      basis: 'quantity',
      parties: [
        { organisationId: henanOrg.id, value: '37.7' },
        { organisationId: beijingOrg.id, value: '12.4' },
      ],
    },
    funders:
      options.funders === false
        ? { parties: [] }
        : {
            parties: [
              { organisationId: centralOrg.id, funder: 'CENTRAL', value: '0.5' },
              { organisationId: henanOrg.id, funder: 'DOWNSTREAM', value: '0.3' },
              { organisationId: beijingOrg.id, funder: 'DOWNSTREAM', value: '0.2' },
            ],
          },
    quantityUnit: '亿立方米',
  });
  const parties = await setDealParties({ actor: fundAdmin, origin: fundOrigin(), dealId: deal.id, input });
  const organisations = { shiyan: shiyanOrg, henan: henanOrg, beijing: beijingOrg, central: centralOrg };
  return { deal, parties, organisations, shiyan, henan, beijing, central, fundAdmin, at: { dealId: deal.id } };
}

export type ThreePartyDeal = Awaited<ReturnType<typeof threePartyDeal>>;

/** Shiyan offers these terms on its version, Henan accepts: the agreement drafted (not signed). */
export async function acceptOnThreeParties(t: ThreePartyDeal, terms: Record<string, unknown>, schedule = [{ from: 2021, to: 2030, amount: '200000' }]) {
  const { versionId } = await saveScenarioVersion({ actor: t.shiyan, origin: fundOrigin(), dealId: t.deal.id, input: { document: shiyanDocument(), message: 'v1' } });
  const offer = await sendOffer({ actor: t.shiyan, origin: fundOrigin(), dealId: t.deal.id, input: { versionId, schedule, terms, validUntil: inAMonth() } });
  return (await answerOffer({ actor: t.henan, origin: fundOrigin(), dealId: t.deal.id, offerId: offer.id, input: { move: 'accept' } })) as { agreementId: string };
}

/** Every party's signatory signs. */
export async function signByEveryParty(t: ThreePartyDeal, agreementId: string) {
  for (const actor of [t.shiyan, t.henan, t.beijing]) await signAgreement({ actor, origin: fundOrigin(), dealId: t.deal.id, agreementId, input: { password: testPassword } });
}
