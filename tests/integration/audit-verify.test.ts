import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { verifyDealAuditChain } from '../../lib/server/audit/verify-deal-audit-chain';
import { changeDealStatus } from '../../lib/server/deals/change-deal-status';
import { makeDeal, makeUser, testDb } from '../factories';

const origin = { ip: '203.0.113.41', userAgent: 'vitest audit verify' };

describe('verifying a deal’s audit chain in the app', () => {
  it('answers any member with the events checked and the head, and a stranger with not found', async () => {
    const manager = await makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' });
    const observer = await makeUser();
    const stranger = await makeUser();
    const deal = await makeDeal([
      { userId: manager.id, side: 'FUND', canEdit: true },
      { userId: observer.id, side: 'OBSERVER' },
    ]);
    const actor = (await loadActor(manager.id))!;
    await changeDealStatus({ actor, origin, dealId: deal.id, status: 'NEGOTIATING' });
    await changeDealStatus({ actor, origin, dealId: deal.id, status: 'AGREED' });
    const newest = await testDb().auditEvent.findFirstOrThrow({ where: { chain: deal.id }, orderBy: { seq: 'desc' } });

    const seen = await verifyDealAuditChain({ actor: (await loadActor(observer.id))!, origin, dealId: deal.id });
    expect(seen).toMatchObject({ ok: true, events: 2, head: { seq: newest.seq, hash: newest.hash } });
    expect(seen.brokenAt).toBeUndefined();
    await expect(verifyDealAuditChain({ actor: (await loadActor(stranger.id))!, origin, dealId: deal.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names the first broken event by its code when a row was altered behind the trigger', async () => {
    const manager = await makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' });
    const deal = await makeDeal([{ userId: manager.id, side: 'FUND', canEdit: true }]);
    const actor = (await loadActor(manager.id))!;
    for (const status of ['NEGOTIATING', 'AGREED', 'ARCHIVED'] as const) await changeDealStatus({ actor, origin, dealId: deal.id, status });
    const second = await testDb().auditEvent.findFirstOrThrow({ where: { chain: deal.id, seq: 2 } });
    const tamper = (sql: string) =>
      testDb().$transaction([
        testDb().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`),
        testDb().$executeRawUnsafe(sql),
        testDb().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`),
      ]);
    await tamper(`UPDATE "AuditEvent" SET "userAgent" = 'rewritten' WHERE id = ${second.id}`);
    try {
      const check = await verifyDealAuditChain({ actor, origin, dealId: deal.id });
      expect(check).toMatchObject({ ok: false, events: 2, head: { seq: 1 }, brokenAt: { seq: 2, code: 'alteredKeyed' } });
    } finally {
      await tamper(`UPDATE "AuditEvent" SET "userAgent" = ${second.userAgent === null ? 'NULL' : `'${second.userAgent}'`} WHERE id = ${second.id}`);
    }
    expect(await verifyDealAuditChain({ actor, origin, dealId: deal.id })).toMatchObject({ ok: true, events: 3 });
  });
});
