import { describe, expect, it } from 'vitest';
import { shiyanDocument } from '../../lib/engine';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { answerOffer } from '../../lib/server/offers/answer-offer';
import { listOffers } from '../../lib/server/offers/list-offers';
import { sendOffer } from '../../lib/server/offers/send-offer';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser, testDb } from '../factories';

const origin = { ip: '192.0.2.40', userAgent: 'vitest offers' };
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);

async function table() {
  const [up, down, fund, viewer, stranger] = await Promise.all([makeUser(), makeUser(), makeUser({ role: 'FUND_ADMIN' }), makeUser(), makeUser()]);
  const deal = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true, canSign: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true, canSign: true },
    { userId: fund.id, side: 'FUND', canEdit: true },
    { userId: viewer.id, side: 'DOWNSTREAM' },
  ]);
  const actors = await Promise.all([up, down, fund, viewer, stranger].map((u) => loadActor(u.id)));
  const [upstream, downstream, fundAdmin, reader, outsider] = actors.map((a) => a!);
  const { versionId } = await saveScenarioVersion({ actor: upstream!, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
  return { deal, versionId, upstream: upstream!, downstream: downstream!, fundAdmin: fundAdmin!, reader: reader!, outsider: outsider! };
}

// Shiyan lower bound 2021–2030 is 5 325 779 thousand CNY per year (pes-model.md §6 data).
const within = [{ from: 2021, to: 2030, amount: '6000000' }];

describe('offers', () => {
  it('sends an offer with where it stands against the bounds, and flags one below the lower bound', async () => {
    const { deal, versionId, upstream } = await table();
    const fair = await sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId, schedule: within, validUntil: inAMonth() } });
    expect(fair).toMatchObject({ number: 1, fromSide: 'UPSTREAM', toSide: 'DOWNSTREAM', status: 'SENT', boundCheck: { belowLowerYears: [], totals: { offered: '60000000' } } });
    const low = await sendOffer({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: { versionId, schedule: [{ from: 2021, to: 2022, pricePerM3: '0.5', volume: '9500000000' }], validUntil: inAMonth() },
    });
    // 0.5 CNY/m³ × 9.5e9 m³ = 4 750 000 thousand CNY < lower bound
    expect(low.boundCheck).toMatchObject({ belowLowerYears: [2021, 2022], years: [{ offered: '4750000' }, { offered: '4750000' }] });
  });

  it('refuses bad input clearly and sends nothing', async () => {
    const { deal, versionId, upstream, fundAdmin, reader } = await table();
    const attempt = (actor: typeof upstream, input: Partial<Parameters<typeof sendOffer>[0]['input']>) =>
      sendOffer({ actor, origin, dealId: deal.id, input: { versionId, schedule: within, validUntil: inAMonth(), ...input } });
    await expect(attempt(upstream, { validUntil: new Date('2020-01-01') })).rejects.toMatchObject({ field: 'validUntil' });
    await expect(attempt(upstream, { schedule: [{ from: 2051, to: 2052, amount: '1' }] })).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt(upstream, { versionId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt(fundAdmin, {})).rejects.toMatchObject({ status: 403, right: 'make offers (the upstream and downstream sides only)' });
    await expect(attempt(reader, {})).rejects.toBeInstanceOf(ForbiddenError);
    const other = await table();
    await expect(attempt(upstream, { versionId: other.versionId })).rejects.toBeInstanceOf(NotFoundError);
    const terms = (formulas: { name: string; expr: string }[]) => ({
      format: 'payment-terms/1',
      name: 'T',
      currency: 'CNY',
      unit: 1,
      from: 2021,
      to: 2030,
      constants: { amount: '100' },
      indicators: { codmn: 'mg/L' },
      formulas,
    });
    // A formula naming something unknown, one that does not parse, one reaching outside the language.
    await expect(attempt(upstream, { terms: terms([{ name: 'payment', expr: 'amout * 2' }]) })).rejects.toMatchObject({ field: 'terms.formulas[0].expr' });
    await expect(attempt(upstream, { terms: terms([{ name: 'payment', expr: 'amount * (' }]) })).rejects.toMatchObject({ field: 'terms.formulas[0].expr' });
    await expect(attempt(upstream, { terms: terms([{ name: 'payment', expr: 'constructor.constructor("return process")()' }]) })).rejects.toBeInstanceOf(ValidationError);
    expect(await testDb().offer.count({ where: { dealId: deal.id } })).toBe(0);
    // Valid terms travel with the offer.
    const linked = await attempt(upstream, { terms: terms([{ name: 'payment', expr: 'codmn <= 2 ? amount : -amount' }]) });
    expect(linked.terms).toMatchObject({ formulas: [{ name: 'payment' }] });
  });

  it('runs accept, reject with reason, counter and withdraw by the right side only', async () => {
    const { deal, versionId, upstream, downstream } = await table();
    const send = () => sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId, schedule: within, validUntil: inAMonth() } });
    const a = await send();
    await expect(answerOffer({ actor: upstream, origin, dealId: deal.id, offerId: a.id, input: { move: 'accept' } })).rejects.toThrow(/only the downstream side/);
    expect(await answerOffer({ actor: downstream, origin, dealId: deal.id, offerId: a.id, input: { move: 'reject', reason: 'α for ED too low' } })).toMatchObject({
      status: 'REJECTED',
      answerReason: 'α for ED too low',
    });
    await expect(answerOffer({ actor: downstream, origin, dealId: deal.id, offerId: a.id, input: { move: 'accept' } })).rejects.toBeInstanceOf(ConflictError);

    const b = await send();
    const counter = await sendOffer({
      actor: downstream,
      origin,
      dealId: deal.id,
      input: { versionId, schedule: [{ from: 2021, to: 2030, amount: '5500000' }], validUntil: inAMonth(), answersOfferId: b.id },
    });
    expect(counter).toMatchObject({ fromSide: 'DOWNSTREAM', answersOfferId: b.id });
    expect(await answerOffer({ actor: upstream, origin, dealId: deal.id, offerId: counter.id, input: { move: 'accept' } })).toMatchObject({ status: 'ACCEPTED' });

    const c = await send();
    await expect(answerOffer({ actor: downstream, origin, dealId: deal.id, offerId: c.id, input: { move: 'withdraw' } })).rejects.toThrow(/only the side that made/);
    expect(await answerOffer({ actor: upstream, origin, dealId: deal.id, offerId: c.id, input: { move: 'withdraw' } })).toMatchObject({ status: 'WITHDRAWN' });

    const timeline = await listOffers({ actor: downstream, origin, dealId: deal.id });
    expect(timeline.map((o) => [o.number, o.fromSide, o.status])).toEqual([
      [1, 'UPSTREAM', 'REJECTED'],
      [2, 'UPSTREAM', 'COUNTERED'],
      [3, 'DOWNSTREAM', 'ACCEPTED'],
      [4, 'UPSTREAM', 'WITHDRAWN'],
    ]);
    expect(await testDb().auditEvent.count({ where: { dealId: deal.id, action: { startsWith: 'offer.' } } })).toBe(7);
  });

  it('numbers offers sent at the same moment one after another', async () => {
    const { deal, versionId, upstream, downstream } = await table();
    const sent = await Promise.all([upstream, downstream, upstream].map((actor) => sendOffer({ actor, origin, dealId: deal.id, input: { versionId, schedule: within, validUntil: inAMonth() } })));
    expect(sent.map((o) => o.number).sort()).toEqual([1, 2, 3]);
  });

  it('gives a second answer racing the first a clear refusal: exactly one wins', async () => {
    const { deal, versionId, upstream, downstream } = await table();
    const offer = await sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId, schedule: within, validUntil: inAMonth() } });
    const race = await Promise.allSettled([
      answerOffer({ actor: downstream, origin, dealId: deal.id, offerId: offer.id, input: { move: 'accept' } }),
      answerOffer({ actor: downstream, origin, dealId: deal.id, offerId: offer.id, input: { move: 'reject', reason: 'no' } }),
      sendOffer({ actor: downstream, origin, dealId: deal.id, input: { versionId, schedule: within, validUntil: inAMonth(), answersOfferId: offer.id } }),
    ]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of race.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });

  it('expires an unanswered offer past its validity, and the database keeps a sent offer as sent', async () => {
    const { deal, versionId, upstream, downstream } = await table();
    const offer = await sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId, schedule: within, validUntil: inAMonth() } });
    const later = new Date(Date.now() + 31 * 86_400_000);
    await expect(answerOffer({ actor: downstream, origin, dealId: deal.id, offerId: offer.id, input: { move: 'accept' }, now: later })).rejects.toThrow(/expired/);
    await expect(testDb().offer.update({ where: { id: offer.id }, data: { schedule: [{ from: 2021, to: 2030, amount: '1' }] } })).rejects.toThrow(/immutable/);
    await expect(testDb().offer.delete({ where: { id: offer.id } })).rejects.toThrow(/immutable/);
    await answerOffer({ actor: downstream, origin, dealId: deal.id, offerId: offer.id, input: { move: 'accept' } });
    await expect(testDb().offer.update({ where: { id: offer.id }, data: { status: 'REJECTED' } })).rejects.toThrow(/answered already/);
  });

  it('shows nothing to a stranger', async () => {
    const { deal, outsider } = await table();
    await expect(listOffers({ actor: outsider, origin, dealId: deal.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
