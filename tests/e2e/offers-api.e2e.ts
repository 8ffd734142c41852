import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpSession } from './http-session';
import { demoDealSlug, demoParties, withSuiteDatabase } from './demo-deal';

type Offer = { id: string; number: number; status: string; boundCheck: { belowLowerYears: number[] } };

let upstream: HttpSession;
let downstream: HttpSession;
let fund: HttpSession;
let dealId: string;
let versionId: string;

beforeAll(async () => {
  ({ upstream, downstream, fund } = await demoParties());
  const deal = await withSuiteDatabase((prisma) => prisma.deal.findUniqueOrThrow({ where: { slug: demoDealSlug }, include: { scenarios: { include: { versions: true } } } }));
  dealId = deal.id;
  versionId = deal.scenarios.find((s) => s.side === 'UPSTREAM')!.versions.find((v) => v.number === 3)!.id;
});

const validUntil = () => new Date(Date.now() + 14 * 86_400_000).toISOString();

describe('offers API v1 over HTTP', () => {
  it('sends, counters and accepts; the timeline shows each step', async () => {
    const sent = await upstream.json<Offer>(`/api/v1/deals/${dealId}/offers`, 'POST', { versionId, schedule: [{ from: 2021, to: 2030, amount: '6000000' }], validUntil: validUntil() });
    expect(sent).toMatchObject({ status: 201, body: { status: 'SENT', boundCheck: { belowLowerYears: [] } } });
    const counter = await downstream.json<Offer>(`/api/v1/deals/${dealId}/offers`, 'POST', {
      versionId,
      schedule: [{ from: 2021, to: 2030, pricePerM3: '0.5', volume: '9500000000' }],
      validUntil: validUntil(),
      answersOfferId: sent.body.id,
    });
    expect(counter.status).toBe(201);
    expect(counter.body.boundCheck.belowLowerYears).toHaveLength(10);
    expect((await upstream.json<Offer>(`/api/v1/deals/${dealId}/offers/${counter.body.id}`, 'POST', { move: 'accept' })).body.status).toBe('ACCEPTED');
    const second = await upstream.json(`/api/v1/deals/${dealId}/offers/${counter.body.id}`, 'POST', { move: 'accept' });
    expect(second.status).toBe(409);
    const timeline = await fund.json<{ offers: Offer[] }>(`/api/v1/deals/${dealId}/offers`);
    expect(timeline.body.offers.slice(-2).map((o) => o.status)).toEqual(['COUNTERED', 'ACCEPTED']);
  });

  it('refuses bad offers with the field named, and the fund does not make offers', async () => {
    const past = await upstream.json<{ error: { field: string } }>(`/api/v1/deals/${dealId}/offers`, 'POST', {
      versionId,
      schedule: [{ from: 2021, to: 2030, amount: '1' }],
      validUntil: '2020-01-01',
    });
    expect(past).toMatchObject({ status: 400, body: { error: { field: 'validUntil' } } });
    const wrongType = await upstream.json<{ error: { problems: { field: string }[] } }>(`/api/v1/deals/${dealId}/offers`, 'POST', {
      versionId,
      schedule: [{ from: 2021, to: 2030, amount: 'lots' }],
      validUntil: validUntil(),
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.problems[0]!.field).toMatch(/^schedule\.0/);
    const byFund = await fund.json(`/api/v1/deals/${dealId}/offers`, 'POST', { versionId, schedule: [{ from: 2021, to: 2030, amount: '1' }], validUntil: validUntil() });
    expect(byFund.status).toBe(403);
    const reject = await downstream.json(`/api/v1/deals/${dealId}/offers/not-an-id`, 'POST', { move: 'reject' });
    expect(reject.status).toBe(400);
  });
});
