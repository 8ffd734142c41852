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

    expect(await listDeals({ actor: (await loadActor(stranger.id))! })).toEqual([]);
    expect(await listDeals({ actor: (await loadActor(downstream.id))! })).toHaveLength(2);
  });
});
