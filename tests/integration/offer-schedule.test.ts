import { describe, expect, it } from 'vitest';
import { D, computeScenario, shiyanDocument, shiyanScenario } from '../../lib/engine';
import { modelScheduleLines, modelVersionOf } from '../../lib/engine/offer-schedule';
import { ValidationError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { answerOffer } from '../../lib/server/offers/answer-offer';
import { getOfferRoom } from '../../lib/server/offers/get-offer-room';
import { sendOffer } from '../../lib/server/offers/send-offer';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser, testDb } from '../factories';

const origin = { ip: '192.0.2.41', userAgent: 'vitest offer schedule' };
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);
const model = modelVersionOf(computeScenario(shiyanScenario()));

/** Shiyan as downstream states it: an upper bound of 9 000 000 thousand CNY in every year. */
function downstreamDocument(upper: string) {
  const doc = shiyanDocument() as Record<string, unknown>;
  return { ...doc, name: 'Shiyan downstream', benefits: [{ label: 'Avoided treatment cost', values: { '2003-2050': upper } }] };
}

async function table() {
  const [up, down] = await Promise.all([makeUser(), makeUser()]);
  const deal = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true, canSign: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true, canSign: true },
  ]);
  const [upstream, downstream] = (await Promise.all([up, down].map((u) => loadActor(u.id)))).map((a) => a!);
  const { versionId } = await saveScenarioVersion({ actor: upstream!, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
  return { deal, versionId, upstream: upstream!, downstream: downstream! };
}

describe('offers on the model schedule', () => {
  it('defers pre-payment years with nothing offered to the catch-up instead of flagging them below the lower bound', async () => {
    const { deal, versionId, upstream } = await table();
    const schedule = [{ from: 2003, to: 2013, amount: '0' }, ...modelScheduleLines(model, 2)] as { from: number; to: number; amount: string }[];
    const offer = await sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId, schedule, validUntil: inAMonth() } });
    expect(offer.boundCheck.deferredYears).toEqual(Array.from({ length: 11 }, (_, i) => 2003 + i));
    expect(offer.boundCheck.belowLowerYears).toEqual([]);
    expect(offer.boundCheck.years.find((y) => y.year === 2005)).toMatchObject({ offered: '0', status: 'deferred' });
    expect(offer.boundCheck.years.find((y) => y.year === 2015)).toMatchObject({ status: 'within' });
    // Rounded up to the cent: at or just above the model in present value.
    const pv = offer.boundCheck.presentValue!;
    expect(pv).toMatchObject({ baseYear: 2003, rate: '0.03' });
    expect(D(pv.aboveModel).greaterThanOrEqualTo(0) && D(pv.aboveModel).lessThan(1)).toBe(true);
    // Stored so: the offer room reads the same check.
    const room = await getOfferRoom({ actor: upstream, origin, dealId: deal.id });
    expect(room.offers[0]!.boundCheck.deferredYears).toHaveLength(11);
  });

  it('checks the upper bound against the latest downstream version by default, or the one chosen', async () => {
    const { deal, versionId, upstream, downstream } = await table();
    const send = (upperVersionId?: string) =>
      sendOffer({
        actor: upstream,
        origin,
        dealId: deal.id,
        input: { versionId, schedule: [{ from: 2021, to: 2022, amount: '9500000' }], validUntil: inAMonth(), ...(upperVersionId ? { upperVersionId } : {}) },
      });
    // No downstream version yet: the offer's own version (no benefits stated) gives no upper bound.
    const alone = await send();
    expect(alone).toMatchObject({ upperVersionId: versionId, boundCheck: { aboveUpperYears: [] } });
    const first = await saveScenarioVersion({ actor: downstream, origin, dealId: deal.id, input: { document: downstreamDocument('9000000'), message: 'what we can pay' } });
    const later = await saveScenarioVersion({ actor: downstream, origin, dealId: deal.id, input: { document: downstreamDocument('9900000'), message: 'more' } });
    const byDefault = await send();
    expect(byDefault.upperVersionId).toBe(later.versionId);
    expect(byDefault.boundCheck.aboveUpperYears).toEqual([]);
    expect(byDefault.boundCheck.years[0]).toMatchObject({ upperBound: '9900000', status: 'within' });
    const chosen = await send(first.versionId);
    expect(chosen.upperVersionId).toBe(first.versionId);
    expect(chosen.boundCheck.aboveUpperYears).toEqual([2021, 2022]);
    expect(chosen.boundCheck.presentValue).toMatchObject({
      upperBound: D(9000000).plus(D(9000000).div('1.03')).toFixed(),
      belowUpper: D(9000000)
        .plus(D(9000000).div('1.03'))
        .minus(D(9500000).plus(D(9500000).div('1.03')))
        .toFixed(),
    });
    const room = await getOfferRoom({ actor: upstream, origin, dealId: deal.id });
    expect(room.defaultUpperVersionId).toBe(later.versionId);
  });

  it('compares the whole term with the model in present value at the scenario’s i_s', async () => {
    const { deal, versionId, upstream } = await table();
    // The catch-up years without their annuity: each year at its lower bound, so below the model in present value.
    const bare = model.years.filter((y) => y.year >= 2014 && y.year <= 2020).map((y) => ({ from: y.year, to: y.year, amount: D(y.lowerBound).toDecimalPlaces(2, D.ROUND_UP).toFixed() }));
    const offer = await sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId, schedule: bare, validUntil: inAMonth() } });
    const annuity = D(model.backPayAnnuity);
    const byHand = Array.from({ length: 7 }, (_, k) => annuity.div(D('1.03').pow(k))).reduce((a, b) => a.plus(b));
    expect(offer.boundCheck.belowLowerYears).toEqual([]);
    expect(D(offer.boundCheck.presentValue!.aboveModel).plus(byHand).abs().lessThan(1)).toBe(true);
  });

  it('refuses terms that cover other years than the schedule, naming both ranges, and sends nothing', async () => {
    const { deal, versionId, upstream } = await table();
    const terms = { format: 'payment-terms/1', name: 'T', currency: 'CNY', unit: 1000, from: 2021, to: 2025, constants: {}, indicators: {}, formulas: [{ name: 'payment', expr: 'scheduled' }] };
    const attempt = sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId, schedule: [{ from: 2021, to: 2030, amount: '6000000' }], terms, validUntil: inAMonth() } });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'terms.from', message: expect.stringMatching(/2021–2025.*2021–2030/) });
    expect(await testDb().offer.count({ where: { dealId: deal.id } })).toBe(0);
    // Over the same years the terms travel, and the receiver reads formulas, constants and the back-test.
    const sent = await sendOffer({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: {
        versionId,
        schedule: [{ from: 2021, to: 2025, amount: '6000000' }],
        terms: { ...terms, constants: { k: '1' }, indicators: { codmn: 'mg/L' }, formulas: [{ name: 'payment', expr: 'codmn <= 4 ? scheduled * k : 0' }] },
        termsMonitoring: { '2021': { codmn: '3.1' }, '2022': { codmn: '4.5' } },
        validUntil: inAMonth(),
      },
    });
    expect(sent.termsView).toMatchObject({ from: 2021, to: 2025, constants: { k: '1' }, formulas: [{ name: 'payment', expr: 'codmn <= 4 ? scheduled * k : 0' }] });
    expect(sent.termsView!.backTest!.settlement.years.slice(0, 3)).toEqual([
      { year: 2021, values: { payment: '6000000' }, payment: '6000000' },
      { year: 2022, values: { payment: '0' }, payment: '0' },
      { year: 2023, missing: ['codmn'] },
    ]);
  });

  it('carries a counter’s message to the other side, and an accepted counter drafts the agreement', async () => {
    const { deal, versionId, upstream, downstream } = await table();
    const offer = await sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId, schedule: [{ from: 2021, to: 2030, amount: '6000000' }], validUntil: inAMonth() } });
    const counter = await sendOffer({
      actor: downstream,
      origin,
      dealId: deal.id,
      input: { versionId, schedule: [{ from: 2021, to: 2030, amount: '5500000' }], validUntil: inAMonth(), answersOfferId: offer.id, message: 'α of ED at 0.15 is too low for us' },
    });
    expect(counter).toMatchObject({ answersOfferId: offer.id, message: 'α of ED at 0.15 is too low for us' });
    const room = await getOfferRoom({ actor: upstream, origin, dealId: deal.id });
    expect(room.offers.find((o) => o.id === counter.id)).toMatchObject({ message: 'α of ED at 0.15 is too low for us' });
    const accepted = await answerOffer({ actor: upstream, origin, dealId: deal.id, offerId: counter.id, input: { move: 'accept' } });
    expect(accepted).toMatchObject({ status: 'ACCEPTED', agreementId: expect.any(String) });
  });
});
