import { describe, expect, it } from 'vitest';
import { ZSetDealParties } from '../../lib/domain/deal-parties';
import { ConflictError, ForbiddenError, ValidationError } from '../../lib/domain/errors';
import { getAgreement } from '../../lib/server/agreements/get-agreement';
import { getDealParties } from '../../lib/server/deals/get-deal-parties';
import { setDealParties } from '../../lib/server/deals/set-deal-parties';
import { templateTerms } from '../../lib/terms';
import { testDb } from '../factories';
import { fundOrigin } from '../factories/signed-agreement';
import { acceptOnThreeParties, signByEveryParty, threePartyDeal } from '../factories/three-party-deal';

// Decision 0098: a deal's parties on each side with their shares, set by a manager with an audit
// event; the agreement drafted on the deal carries them in its terms, and every party signs.

const origin = fundOrigin;
const terms = { ...templateTerms('fixed-schedule', 'zh'), name: '中线水源区补偿', from: 2021, to: 2030 };
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => error,
  );

describe('a deal’s parties', () => {
  it('a manager names several parties per side with quantities and funders with shares; members read them; one audit event', async () => {
    const t = await threePartyDeal();
    expect(t.parties.downstream).toEqual({
      basis: 'quantity',
      parties: [
        { id: t.organisations.henan.id, name: t.organisations.henan.name, nameZh: t.organisations.henan.nameZh, value: '37.7' },
        { id: t.organisations.beijing.id, name: t.organisations.beijing.name, nameZh: t.organisations.beijing.nameZh, value: '12.4' },
      ],
    });
    expect(t.parties.upstream.parties.map((p) => [p.id, p.value])).toEqual([[t.organisations.shiyan.id, '']]);
    expect(t.parties.funders.parties.map((p) => [p.nameZh, p.funder, p.value])).toEqual([
      [t.organisations.central.nameZh, 'CENTRAL', '0.5'],
      [t.organisations.henan.nameZh, 'DOWNSTREAM', '0.3'],
      [t.organisations.beijing.nameZh, 'DOWNSTREAM', '0.2'],
    ]);
    const read = await getDealParties({ actor: t.beijing, origin: origin(), dealId: t.deal.id });
    expect(read.downstream).toEqual(t.parties.downstream);
    expect(read.quantityUnit).toBe('亿立方米');
    expect(read.choices.downstream.map((o) => o.id).sort()).toEqual([t.organisations.henan.id, t.organisations.beijing.id].sort());
    const events = await testDb().auditEvent.findMany({ where: { dealId: t.deal.id, action: 'deal.parties_set' } });
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatchObject({ before: { parties: [], quantityUnit: null }, after: { quantityUnit: '亿立方米' } });
    expect((events[0]!.summary as { after: { parties: unknown[] } }).after.parties).toHaveLength(6);
  });

  it('refuses shares that do not add up, a party with no member on its side, and anyone who does not manage the deal', async () => {
    const t = await threePartyDeal();
    const parse = (input: unknown) => ZSetDealParties.safeParse(input);
    const bad = parse({
      upstream: { parties: [{ organisationId: t.organisations.shiyan.id }] },
      downstream: {
        parties: [
          { organisationId: t.organisations.henan.id, value: '0.6' },
          { organisationId: t.organisations.beijing.id, value: '0.6' },
        ],
      },
      funders: { parties: [] },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['downstream.parties']);
    expect(parse({ upstream: { parties: [] }, downstream: { parties: [{ organisationId: t.organisations.henan.id }] }, funders: { parties: [] } }).error!.issues.map((i) => i.path.join('.'))).toEqual([
      'upstream.parties',
    ]);
    // A list left out is refused, not cleared: nobody asked for that change.
    expect(parse({}).error!.issues.map((i) => i.path.join('.'))).toEqual(['upstream', 'downstream', 'funders']);

    const onWrongSide = ZSetDealParties.parse({
      upstream: { parties: [{ organisationId: t.organisations.henan.id }] },
      downstream: { parties: [{ organisationId: t.organisations.beijing.id }] },
      funders: { parties: [] },
    });
    const wrong = await refusal(setDealParties({ actor: t.fundAdmin, origin: origin(), dealId: t.deal.id, input: onWrongSide }));
    expect(wrong).toBeInstanceOf(ValidationError);
    expect((wrong as ValidationError).field).toBe('upstream.parties.0.organisationId');
    expect((wrong as ValidationError).messageIn('zh')).toContain(t.organisations.henan.nameZh);

    const notManager = await refusal(
      setDealParties({ actor: t.shiyan, origin: origin(), dealId: t.deal.id, input: ZSetDealParties.parse({ upstream: { parties: [] }, downstream: { parties: [] }, funders: { parties: [] } }) }),
    );
    expect(notManager).toBeInstanceOf(ForbiddenError);
    // Nothing changed.
    expect((await getDealParties({ actor: t.shiyan, origin: origin(), dealId: t.deal.id })).downstream.parties).toHaveLength(2);
  });

  it('refuses to draft an agreement while a party organisation has nobody who may sign for it', async () => {
    const t = await threePartyDeal({ beijingSigns: false });
    const refused = await refusal(acceptOnThreeParties(t, terms));
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).messageIn('zh')).toContain(t.organisations.beijing.nameZh);
    expect((refused as ConflictError).messageIn('en')).toContain(t.organisations.beijing.name);
    expect(await testDb().agreement.count({ where: { dealId: t.deal.id } })).toBe(0);
  });

  it('the drafted agreement’s terms carry the deal’s parties; every party’s signatory signs; later changes leave it as signed', async () => {
    const t = await threePartyDeal();
    const { agreementId } = await acceptOnThreeParties(t, terms);
    const drafted = await testDb().agreement.findUniqueOrThrow({ where: { id: agreementId }, include: { signatories: true } });
    expect((drafted.terms as { parties: unknown }).parties).toEqual({
      upstream: [{ id: t.organisations.shiyan.id, name: t.organisations.shiyan.name, nameZh: t.organisations.shiyan.nameZh }],
      downstream: [
        { id: t.organisations.henan.id, name: t.organisations.henan.name, nameZh: t.organisations.henan.nameZh, quantity: '37.7' },
        { id: t.organisations.beijing.id, name: t.organisations.beijing.name, nameZh: t.organisations.beijing.nameZh, quantity: '12.4' },
      ],
      funders: [
        { id: t.organisations.central.id, name: t.organisations.central.name, nameZh: t.organisations.central.nameZh, kind: 'central', share: '0.5' },
        { id: t.organisations.henan.id, name: t.organisations.henan.name, nameZh: t.organisations.henan.nameZh, kind: 'downstream', share: '0.3' },
        { id: t.organisations.beijing.id, name: t.organisations.beijing.name, nameZh: t.organisations.beijing.nameZh, kind: 'downstream', share: '0.2' },
      ],
      quantityUnit: '亿立方米',
    });
    expect(drafted.signatories.map((s) => s.organisationId).sort()).toEqual([t.organisations.shiyan.id, t.organisations.henan.id, t.organisations.beijing.id].sort());
    expect((drafted.parties as { side: string; organisations: { id: string }[] }[]).map((p) => [p.side, p.organisations.map((o) => o.id)])).toEqual([
      ['UPSTREAM', [t.organisations.shiyan.id]],
      ['DOWNSTREAM', [t.organisations.henan.id, t.organisations.beijing.id]],
    ]);

    await signByEveryParty(t, agreementId);
    const signed = await getAgreement({ actor: t.beijing, origin: origin(), dealId: t.deal.id, agreementId });
    expect(signed.status).toBe('ARCHIVED');

    // The deal's parties change afterwards; the signed terms do not.
    await setDealParties({
      actor: t.fundAdmin,
      origin: origin(),
      dealId: t.deal.id,
      input: ZSetDealParties.parse({
        upstream: { parties: [{ organisationId: t.organisations.shiyan.id }] },
        downstream: {
          parties: [
            { organisationId: t.organisations.henan.id, value: '0.5' },
            { organisationId: t.organisations.beijing.id, value: '0.5' },
          ],
        },
        funders: { parties: [] },
      }),
    });
    const after = await testDb().agreement.findUniqueOrThrow({ where: { id: agreementId } });
    expect(after.terms).toEqual(drafted.terms);
  });

  it('refuses an offer whose terms name other shares than the deal does', async () => {
    const t = await threePartyDeal({ funders: false });
    const other = {
      ...terms,
      parties: {
        upstream: [{ id: t.organisations.shiyan.id }],
        downstream: [
          { id: t.organisations.henan.id, share: '1' },
          { id: t.organisations.beijing.id, share: '0' },
        ],
      },
    };
    const refused = await refusal(acceptOnThreeParties(t, other));
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).text?.key).toBe('partiesDifferFromDeal');
  });
});
