import { describe, expect, it } from 'vitest';
import { D, computeScenario, shiyanDocument, shiyanScenario, toResultJson } from '../../lib/engine';
import { NotFoundError, ValidationError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { getBargainingZone } from '../../lib/server/negotiation/get-bargaining-zone';
import { getVersionSensitivity } from '../../lib/server/negotiation/get-version-sensitivity';
import { sendOffer } from '../../lib/server/offers/send-offer';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser } from '../factories';

const origin = { ip: '203.0.113.14', userAgent: 'vitest negotiation' };
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);

/** Beijing's side of the Shiyan case: α ED 0.25 / PD 0.30 and stated benefits from 2014 (illustrative). */
function counterDocument() {
  return {
    ...(shiyanDocument() as Record<string, unknown>),
    name: 'Counter-proposal',
    alpha: { ...(shiyanDocument() as { alpha: object }).alpha, ED: { '2003-2050': '0.25' }, PD: { '2003-2050': '0.3' } },
    benefits: [{ label: 'Avoided next-best supply', values: { '2014-2030': '11400000', '2031-2050': '15600000' } }],
    downstreamCosts: [{ label: 'Monitoring', values: { '2014-2050': '300000' } }],
  };
}

async function table() {
  const [up, down, viewer, stranger] = await Promise.all([makeUser({ kind: 'UPSTREAM_GOVERNMENT' }), makeUser({ kind: 'DOWNSTREAM_AUTHORITY' }), makeUser(), makeUser()]);
  const deal = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true },
    { userId: viewer.id, side: 'OBSERVER' },
  ]);
  const [upstream, downstream, observer, outsider] = (await Promise.all([up, down, viewer, stranger].map((u) => loadActor(u.id)))).map((a) => a!);
  const paper = await saveScenarioVersion({ actor: upstream!, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'Paper assumptions' } });
  const counter = await saveScenarioVersion({ actor: downstream!, origin, dealId: deal.id, input: { document: counterDocument(), message: 'Counter with benefits' } });
  return { deal, upstream: upstream!, downstream: downstream!, observer: observer!, outsider: outsider!, paper: paper.versionId, counter: counter.versionId };
}

describe('bargaining zone', () => {
  it('gives per year and per period the bounds of two versions, from their stored results', async () => {
    const { deal, observer, paper, counter } = await table();
    const zone = await getBargainingZone({ actor: observer, origin, dealId: deal.id, versionIds: [counter, paper] });
    expect(zone.versions.map((v) => [v.id, v.side, v.unit, v.currency, v.priceBase])).toEqual([
      [counter, 'DOWNSTREAM', 1000, 'CNY', '2000 constant prices'],
      [paper, 'UPSTREAM', 1000, 'CNY', '2000 constant prices'],
    ]);
    const [c, p] = zone.versions as [(typeof zone.versions)[0], (typeof zone.versions)[0]];
    const expected = toResultJson(computeScenario(shiyanScenario()));
    expect(p.years).toHaveLength(48);
    expect(p.periods).toEqual(expected.periods);
    expect(p.years.find((y) => y.year === 2021)).toMatchObject({ lowerBound: expected.years[18]!.lowerBound, upperBound: null, waterVolume: '9500000000', benefits: null });
    // The counter states benefits from 2014: an upper bound, a Nash suggestion and feasibility there.
    const y2021 = c.years.find((y) => y.year === 2021)!;
    expect(y2021).toMatchObject({ upperBound: '11100000', benefits: '11400000', downstreamCosts: '300000', feasible: true });
    expect(new D(y2021.suggestedPayment!).eq(new D(y2021.lowerBound).plus(new D('11100000')).div(2))).toBe(true);
    expect(c.years.find((y) => y.year === 2010)).toMatchObject({ upperBound: null, suggestedPayment: null, feasible: null });
    expect(c.bargainingWeight).toBe('0.5');
    expect(c.periods[2]).toMatchObject({ label: 'P3 2021–2030', upperBound: '11100000' });
    // The choices list every version of the deal, both sides'.
    expect(zone.choices.map((v) => v.id).sort()).toEqual([paper, counter].sort());
  });

  it('defaults to the latest version of each scenario, and refuses more than six', async () => {
    const { deal, upstream, paper, counter } = await table();
    const v2 = await saveScenarioVersion({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: {
        scenarioId: (await getBargainingZone({ actor: upstream, origin, dealId: deal.id, versionIds: [paper] })).versions[0]!.scenarioId,
        baseVersionId: paper,
        document: { ...(shiyanDocument() as object), discountRate: '0.04' },
        message: 'Rate 4 %',
      },
    });
    const zone = await getBargainingZone({ actor: upstream, origin, dealId: deal.id });
    expect(zone.versions.map((v) => v.id).sort()).toEqual([v2.versionId, counter].sort());
    expect(
      zone.choices
        .filter((c) => c.latest)
        .map((c) => c.id)
        .sort(),
    ).toEqual([v2.versionId, counter].sort());
    const many = Array.from({ length: 7 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    await expect(getBargainingZone({ actor: upstream, origin, dealId: deal.id, versionIds: many })).rejects.toBeInstanceOf(ValidationError);
  });

  it('is not found for a non-member, and for a version id of another deal', async () => {
    const { deal, observer, outsider, paper } = await table();
    await expect(getBargainingZone({ actor: outsider, origin, dealId: deal.id, versionIds: [paper] })).rejects.toBeInstanceOf(NotFoundError);
    const other = await table();
    await expect(getBargainingZone({ actor: observer, origin, dealId: deal.id, versionIds: [paper, other.paper] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBargainingZone({ actor: observer, origin, dealId: deal.id, versionIds: ['not-an-id'] })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('shows every offer with its distance from both bounds of its own version', async () => {
    const { deal, upstream, downstream, observer, paper, counter } = await table();
    // Offered on the counter-proposal (bounds known): 2021–2030 at 6 000 000 thousand CNY a year.
    await sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId: counter, schedule: [{ from: 2021, to: 2030, amount: '6000000' }], validUntil: inAMonth() } });
    // Offered by price on the paper version (no upper bound): 0.5 CNY/m³ × 9.5e9 m³ = 4 750 000 thousand CNY.
    await sendOffer({ actor: downstream, origin, dealId: deal.id, input: { versionId: paper, schedule: [{ from: 2021, to: 2022, pricePerM3: '0.5', volume: '9500000000' }], validUntil: inAMonth() } });
    // Only the counter is shown: the paper version's offer still comes with its own bounds.
    const zone = await getBargainingZone({ actor: observer, origin, dealId: deal.id, versionIds: [counter] });
    expect(zone.offers.map((o) => [o.number, o.fromSide, o.versionId, o.status])).toEqual([
      [1, 'UPSTREAM', counter, 'SENT'],
      [2, 'DOWNSTREAM', paper, 'SENT'],
    ]);
    const [first, second] = zone.offers as [(typeof zone.offers)[0], (typeof zone.offers)[0]];
    const lower2021 = new D(zone.versions[0]!.years.find((y) => y.year === 2021)!.lowerBound);
    expect(first.years).toHaveLength(10);
    expect(first.years[0]).toMatchObject({ year: 2021, offered: '6000000', upperBound: '11100000', belowUpper: '5100000' });
    expect(new D(first.years[0]!.aboveLower).eq(new D(6000000).minus(lower2021))).toBe(true);
    // 6 000 000 thousand CNY over 9.5e9 m³ = 0.6315… CNY/m³
    expect(first.years[0]!.pricePerM3!.startsWith('0.63157894736842105263')).toBe(true);
    expect(first.periods).toEqual([expect.objectContaining({ label: 'P3 2021–2030', years: 10, offered: '6000000', belowUpper: '5100000' })]);
    expect(first.totals).toMatchObject({ offered: '60000000', upperBound: '111000000', belowUpper: '51000000', pricePerM3: null });
    // Below the paper lower bound (about 5.3 million): a negative distance from the lower bound, no upper bound.
    expect(second.years.map((y) => y.offered)).toEqual(['4750000', '4750000']);
    expect(new D(second.years[0]!.aboveLower).isNegative()).toBe(true);
    expect(second.years[0]).toMatchObject({ upperBound: null, belowUpper: null, pricePerM3: '0.5' });
  });
});

describe('sensitivity of a version', () => {
  it('computes the tornado and the α × rate table for a member, with the base case equal to the stored result', async () => {
    const { deal, observer, paper } = await table();
    const r = await getVersionSensitivity({ actor: observer, origin, dealId: deal.id, versionId: paper, percent: '20' });
    expect(r.percent).toBe('20');
    expect(r.sensitivity.change).toBe('0.2');
    expect(r.sensitivity.base.lowerBound.total).toBe(r.stored.lowerBound);
    expect(r.sensitivity.base.payment.total).toBe(r.stored.payment);
    expect(r.sensitivity.factors.map((f) => f.id)).toContain('rate');
    expect(r.sensitivity.grid.cells).toHaveLength(5);
    expect(r.version).toMatchObject({ id: paper, side: 'UPSTREAM', number: 1 });
  });

  it('is not found for a non-member or another deal’s version, and refuses a bad percentage', async () => {
    const { deal, observer, outsider, paper } = await table();
    await expect(getVersionSensitivity({ actor: outsider, origin, dealId: deal.id, versionId: paper })).rejects.toBeInstanceOf(NotFoundError);
    const other = await table();
    await expect(getVersionSensitivity({ actor: observer, origin, dealId: deal.id, versionId: other.paper })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVersionSensitivity({ actor: observer, origin, dealId: deal.id, versionId: paper, percent: '150' })).rejects.toBeInstanceOf(ValidationError);
    await expect(getVersionSensitivity({ actor: observer, origin, dealId: deal.id, versionId: paper, percent: 'ten' })).rejects.toMatchObject({ field: 'percent' });
  });
});
