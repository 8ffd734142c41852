import { describe, expect, it } from 'vitest';
import { blankTerms, termsDocument } from '../../components/terms/terms-draft';
import { ZSetDealParties } from '../../lib/domain/deal-parties';
import { setDealParties } from '../../lib/server/deals/set-deal-parties';
import { getOfferRoom } from '../../lib/server/offers/get-offer-room';
import { getTermsDefaults } from '../../lib/server/terms/get-terms-defaults';
import { findTemplate, templateTerms, type TermsDefaults } from '../../lib/terms/templates';
import { testDb } from '../factories';
import { fundOrigin } from '../factories/signed-agreement';
import { acceptOnThreeParties, threePartyDeal } from '../factories/three-party-deal';

// Terms drafted in the workbench or the offer composer start from the deal's parties (decision
// 0112): the pages get them in their DTOs, a blank draft and every template carry them, and so the
// offer's terms split as the acceptance checks (`partiesDifferFromDeal`).

const origin = fundOrigin;

describe('terms drafted on a deal with parties', () => {
  it('start from the deal’s parties in the workbench and the composer, and the acceptance takes them as drafted', async () => {
    const t = await threePartyDeal();
    const defaults = await getTermsDefaults({ actor: t.shiyan, origin: origin(), dealId: t.deal.id });
    const entry = (o: { id: string; name: string; nameZh: string }) => ({ id: o.id, name: o.name, nameZh: o.nameZh });
    expect(defaults.parties).toEqual({
      upstream: [entry(t.organisations.shiyan)],
      downstream: [
        { ...entry(t.organisations.henan), quantity: '37.7' },
        { ...entry(t.organisations.beijing), quantity: '12.4' },
      ],
      funders: [
        { ...entry(t.organisations.central), kind: 'central', share: '0.5' },
        { ...entry(t.organisations.henan), kind: 'downstream', share: '0.3' },
        { ...entry(t.organisations.beijing), kind: 'downstream', share: '0.2' },
      ],
      quantityUnit: '亿立方米',
    });
    // The offer room (the composer's page) carries the same section.
    const room = await getOfferRoom({ actor: t.shiyan, origin: origin(), dealId: t.deal.id });
    expect(room.termsDefaults.parties).toEqual(defaults.parties);

    // As the composer builds its defaults: the schedule's years, the version's unit, the deal's parties.
    const composer: TermsDefaults = { from: 2021, to: 2030, unit: 1, currency: 'CNY', parties: room.termsDefaults.parties };
    expect(blankTerms(composer).parties).toEqual(defaults.parties);
    // The Middle Route template's own example provinces give way to the deal's organisations.
    expect(findTemplate('middle-route')!.terms.parties!.downstream.map((p) => p.id)).toEqual(['henan', 'hebei', 'beijing', 'tianjin']);
    const draft = templateTerms('middle-route', 'zh', composer);
    expect(draft.parties).toEqual(defaults.parties);

    const { agreementId } = await acceptOnThreeParties(t, termsDocument(draft) as Record<string, unknown>);
    const agreement = await testDb().agreement.findUniqueOrThrow({ where: { id: agreementId } });
    expect((agreement.terms as { parties: unknown }).parties).toEqual(draft.parties);
  });

  it('start with no parties on a deal that names none, a template’s example parties left out', async () => {
    const t = await threePartyDeal();
    await setDealParties({
      actor: t.fundAdmin,
      origin: origin(),
      dealId: t.deal.id,
      input: ZSetDealParties.parse({ upstream: { parties: [] }, downstream: { parties: [] }, funders: { parties: [] } }),
    });
    const defaults = await getTermsDefaults({ actor: t.henan, origin: origin(), dealId: t.deal.id });
    expect(defaults.parties).toBeNull();
    expect((await getOfferRoom({ actor: t.henan, origin: origin(), dealId: t.deal.id })).termsDefaults.parties).toBeNull();
    const draft = templateTerms('middle-route', 'zh', { ...defaults, from: 2021, to: 2030 });
    expect(draft).not.toHaveProperty('parties');
    expect(blankTerms(defaults)).not.toHaveProperty('parties');
    // Accepted, the agreement means one party per side, as before.
    const { agreementId } = await acceptOnThreeParties(t, termsDocument(draft) as Record<string, unknown>);
    expect(await testDb().agreement.findUniqueOrThrow({ where: { id: agreementId } })).toMatchObject({ terms: expect.not.objectContaining({ parties: expect.anything() }) });
  });
});
