import { describe, expect, it } from 'vitest';
import type { Side } from '../../lib/domain/actor';
import { loadActor } from '../../lib/server/auth/current-actor';
import { addDealMember } from '../../lib/server/deals/add-deal-member';
import { changeDealMember } from '../../lib/server/deals/change-deal-member';
import { makeDeal, makeUser, testDb } from '../factories';

const origin = { ip: '198.51.100.77', userAgent: 'vitest deal members' };

async function dealWithManagers() {
  const fundAdmin = await makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' });
  const platformAdmin = await makeUser({ role: 'ADMIN' });
  const newcomer = await makeUser();
  const deal = await makeDeal([
    { userId: fundAdmin.id, side: 'FUND', canEdit: true },
    { userId: platformAdmin.id, side: 'OBSERVER' },
  ]);
  const member = (userId: string) => testDb().dealMember.findFirstOrThrow({ where: { dealId: deal.id, userId } });
  return { deal, fundAdmin: (await loadActor(fundAdmin.id))!, platformAdmin: (await loadActor(platformAdmin.id))!, newcomer, member };
}

const refusals = (actorId: string, dealId: string) => testDb().auditEvent.findMany({ where: { action: 'access.refused', actorId, objectId: dealId }, select: { summary: true } });

describe('deal members: a party side and a sign right come from a platform administrator only', () => {
  it.each<[string, { side?: Side; canSign?: boolean }]>([
    ['the upstream side', { side: 'UPSTREAM' }],
    ['the downstream side', { side: 'DOWNSTREAM' }],
    ['a sign right', { canSign: true }],
  ])('a fund administrator cannot give itself %s; the refusal changes nothing and is audited', async (_, change) => {
    const t = await dealWithManagers();
    const self = await t.member(t.fundAdmin.id);
    await expect(changeDealMember({ actor: t.fundAdmin, origin, dealId: t.deal.id, memberId: self.id, input: change })).rejects.toMatchObject({
      status: 403,
      right: expect.stringMatching(/platform administrators only/),
    });
    expect(await t.member(t.fundAdmin.id)).toMatchObject({ side: 'FUND', canSign: false });
    expect(await testDb().auditEvent.count({ where: { dealId: t.deal.id, action: 'member.changed' } })).toBe(0);
    // Repeated refusals from one source share a window (decision 0064); the first names the right.
    expect(await refusals(t.fundAdmin.id, t.deal.id)).toEqual([{ summary: expect.objectContaining({ right: 'grantPartyRights', status: 403 }) }]);
  });

  it('a fund administrator cannot add anyone on a party side or with a sign right, but adds observers and fund members', async () => {
    const t = await dealWithManagers();
    for (const input of [
      { side: 'UPSTREAM' as const, canEdit: true, canSign: false },
      { side: 'FUND' as const, canEdit: false, canSign: true },
    ]) {
      await expect(addDealMember({ actor: t.fundAdmin, origin, dealId: t.deal.id, input: { userId: t.newcomer.id, ...input } })).rejects.toMatchObject({ status: 403 });
    }
    expect(await testDb().dealMember.count({ where: { dealId: t.deal.id, userId: t.newcomer.id } })).toBe(0);
    const observer = await addDealMember({ actor: t.fundAdmin, origin, dealId: t.deal.id, input: { userId: t.newcomer.id, side: 'OBSERVER', canEdit: true, canSign: false } });
    expect(observer).toMatchObject({ side: 'OBSERVER', canEdit: true, canSign: false });
    // Other changes, and taking rights away, stay with the fund administrator.
    await expect(changeDealMember({ actor: t.fundAdmin, origin, dealId: t.deal.id, memberId: observer.id, input: { side: 'FUND', canEdit: false } })).resolves.toMatchObject({
      side: 'FUND',
      canEdit: false,
    });
  });

  it('a platform administrator gives a party side and a sign right, on the audit trail; a fund administrator may then take them away', async () => {
    const t = await dealWithManagers();
    const added = await addDealMember({ actor: t.platformAdmin, origin, dealId: t.deal.id, input: { userId: t.newcomer.id, side: 'UPSTREAM', canEdit: true, canSign: true } });
    expect(added).toMatchObject({ side: 'UPSTREAM', canSign: true });
    const self = await t.member(t.fundAdmin.id);
    await expect(changeDealMember({ actor: t.platformAdmin, origin, dealId: t.deal.id, memberId: self.id, input: { canSign: true } })).resolves.toMatchObject({ canSign: true });
    const events = await testDb().auditEvent.findMany({ where: { dealId: t.deal.id, action: { in: ['member.added', 'member.changed'] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['member.added', t.platformAdmin.id],
      ['member.changed', t.platformAdmin.id],
    ]);
    expect(events[0]!.summary).toMatchObject({ after: { side: 'UPSTREAM', canSign: true } });
    // Keeping what one has is not giving it: an unchanged upstream side passes, and removal is allowed.
    await expect(changeDealMember({ actor: t.fundAdmin, origin, dealId: t.deal.id, memberId: added.id, input: { side: 'UPSTREAM', canEdit: false } })).resolves.toMatchObject({ canEdit: false });
    await expect(changeDealMember({ actor: t.fundAdmin, origin, dealId: t.deal.id, memberId: added.id, input: { canSign: false } })).resolves.toMatchObject({ canSign: false });
    await expect(changeDealMember({ actor: t.fundAdmin, origin, dealId: t.deal.id, memberId: added.id, input: { side: 'DOWNSTREAM' } })).rejects.toMatchObject({ status: 403 });
  });
});
