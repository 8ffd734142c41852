import { describe, expect, it } from 'vitest';
import { loadActor } from '../../lib/server/auth/current-actor';
import { listDeals } from '../../lib/server/deals/list-deals';
import { makeDeal, makeUser, testDb } from '../factories';

describe('loadActor', () => {
  it('re-reads the user: a user disabled after sign-in is nobody', async () => {
    const user = await makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' });
    expect(await loadActor(user.id)).toMatchObject({ id: user.id, role: 'FUND_ADMIN', organisation: { kind: 'WATER_FUND' } });
    await testDb().user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await loadActor(user.id)).toBeNull();
  });

  it('is nobody for an id that does not exist', async () => {
    expect(await loadActor('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

describe('listDeals', () => {
  it('lists only the deals the actor is a member of, with every party', async () => {
    const upstream = await makeUser({ kind: 'UPSTREAM_GOVERNMENT' });
    const downstream = await makeUser({ kind: 'DOWNSTREAM_AUTHORITY' });
    const stranger = await makeUser();
    const shared = await makeDeal([
      { userId: upstream.id, side: 'UPSTREAM', canEdit: true },
      { userId: downstream.id, side: 'DOWNSTREAM' },
    ]);
    await makeDeal([{ userId: downstream.id, side: 'DOWNSTREAM' }]);

    const upstreamActor = (await loadActor(upstream.id))!;
    const deals = await listDeals({ actor: upstreamActor });
    expect(deals.map((deal) => deal.id)).toEqual([shared.id]);
    expect(deals[0]!.mySide).toBe('UPSTREAM');
    expect(deals[0]!.parties.map((party) => party.side)).toEqual(['UPSTREAM', 'DOWNSTREAM']);
    // The API's deal list keeps every field of the deal's DTO, read in the same one query.
    expect(deals[0]).toMatchObject({ unit: shared.unit, currency: shared.currency, createdAt: shared.createdAt.toISOString(), status: shared.status, illustrative: shared.illustrative });

    expect(await listDeals({ actor: (await loadActor(stranger.id))! })).toEqual([]);
    expect(await listDeals({ actor: (await loadActor(downstream.id))! })).toHaveLength(2);
  });

  it('names each party once, however many of its people are members, and orders deals by status then name', async () => {
    const official = await makeUser({ kind: 'UPSTREAM_GOVERNMENT' });
    const colleague = await testDb().user.create({
      data: { email: `colleague-${official.id}@example.test`, name: 'Colleague', passwordHash: official.passwordHash, organisationId: official.organisationId },
    });
    const fund = await makeUser({ kind: 'WATER_FUND' });
    const later = await makeDeal([
      { userId: official.id, side: 'UPSTREAM' },
      { userId: colleague.id, side: 'UPSTREAM' },
      { userId: fund.id, side: 'FUND' },
    ]);
    const earlier = await makeDeal([{ userId: official.id, side: 'UPSTREAM' }]);
    const negotiating = await makeDeal([{ userId: official.id, side: 'UPSTREAM' }]);
    await testDb().deal.update({ where: { id: later.id }, data: { name: `B ${later.name}` } });
    await testDb().deal.update({ where: { id: earlier.id }, data: { name: `A ${earlier.name}` } });
    await testDb().deal.update({ where: { id: negotiating.id }, data: { status: 'NEGOTIATING' } });

    const deals = await listDeals({ actor: (await loadActor(official.id))! });
    // Statuses in their workflow order (draft before negotiating), names alphabetically within one.
    expect(deals.map((deal) => deal.id)).toEqual([earlier.id, later.id, negotiating.id]);
    expect(deals[1]!.parties.map((party) => party.side)).toEqual(['UPSTREAM', 'FUND']);
  });
});
