import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../lib/infra/audit-chain';
import { loadActor } from '../../lib/server/auth/current-actor';
import { recordSecurityEvent } from '../../lib/server/audit/record-security-event';
import { addDealMember } from '../../lib/server/deals/add-deal-member';
import { changeDealStatus } from '../../lib/server/deals/change-deal-status';
import { makeDeal, makeUser, testDb } from '../factories';

const origin = { ip: '203.0.113.9', userAgent: 'vitest audit' };

async function dealWithManager() {
  const manager = await makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' });
  const deal = await makeDeal([{ userId: manager.id, side: 'FUND', canEdit: true }]);
  return { deal, actor: (await loadActor(manager.id))! };
}

describe('audit trail', () => {
  it('writes the change and its event together, with actor, side, object and before/after', async () => {
    const { deal, actor } = await dealWithManager();
    await changeDealStatus({ actor, origin, dealId: deal.id, status: 'NEGOTIATING' });
    const events = await testDb().auditEvent.findMany({ where: { dealId: deal.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      chain: deal.id,
      seq: 1,
      action: 'deal.status_changed',
      actorId: actor.id,
      organisationId: actor.organisation.id,
      side: 'FUND',
      objectType: 'deal',
      objectId: deal.id,
      ip: origin.ip,
      userAgent: origin.userAgent,
      summary: { before: { status: 'DRAFT' }, after: { status: 'NEGOTIATING' } },
    });
  });

  it('rolls the change back when its audit event cannot be written', async () => {
    const { deal, actor } = await dealWithManager();
    // Make the database refuse this deal's status event only, so parallel tests are unaffected.
    const constraint = `reject_${deal.id.replaceAll('-', '')}`;
    await testDb().$executeRawUnsafe(
      `ALTER TABLE "AuditEvent" ADD CONSTRAINT "${constraint}" CHECK (NOT (action = 'deal.status_changed' AND "dealId" = '${deal.id}')) NOT VALID`,
    );
    try {
      await expect(changeDealStatus({ actor, origin, dealId: deal.id, status: 'NEGOTIATING' })).rejects.toThrow();
    } finally {
      await testDb().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DROP CONSTRAINT "${constraint}"`);
    }
    expect((await testDb().deal.findUniqueOrThrow({ where: { id: deal.id } })).status).toBe('DRAFT');
    expect(await testDb().auditEvent.count({ where: { dealId: deal.id } })).toBe(0);
  });

  it('is refused by the database on UPDATE, DELETE and TRUNCATE', async () => {
    const { deal, actor } = await dealWithManager();
    await changeDealStatus({ actor, origin, dealId: deal.id, status: 'NEGOTIATING' });
    await expect(testDb().$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'x' WHERE "dealId" = '${deal.id}'`)).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "dealId" = '${deal.id}'`)).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await testDb().auditEvent.count({ where: { dealId: deal.id } })).toBe(1);
  });

  it('keeps each chain gap-free when many events are appended at once', async () => {
    const { deal, actor } = await dealWithManager();
    const users = await Promise.all(Array.from({ length: 8 }, () => makeUser()));
    await Promise.all(users.map((user) => addDealMember({ actor, origin, dealId: deal.id, input: { userId: user.id, side: 'OBSERVER', canEdit: false, canSign: false } })));
    await Promise.all(Array.from({ length: 8 }, (_, i) => recordSecurityEvent({ action: 'auth.sign_in_failed', origin, email: `burst-${i}@example.test` })));
    const seqs = (await testDb().auditEvent.findMany({ where: { chain: deal.id }, orderBy: { seq: 'asc' } })).map((event) => event.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const { broken } = await verifyAuditChains(testDb());
    expect(broken.filter((link) => link.chain === deal.id || link.chain === 'platform')).toEqual([]);
  });

  it('names the first broken link when a row is altered or removed behind the trigger', async () => {
    const { deal, actor } = await dealWithManager();
    await changeDealStatus({ actor, origin, dealId: deal.id, status: 'NEGOTIATING' });
    await changeDealStatus({ actor, origin, dealId: deal.id, status: 'AGREED' });
    await changeDealStatus({ actor, origin, dealId: deal.id, status: 'ARCHIVED' });
    expect((await verifyAuditChains(testDb())).broken.filter((link) => link.chain === deal.id)).toEqual([]);

    const tamper = (sql: string) =>
      testDb().$transaction([
        testDb().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`),
        testDb().$executeRawUnsafe(sql),
        testDb().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`),
      ]);
    const original = await testDb().auditEvent.findFirstOrThrow({ where: { chain: deal.id, seq: 2 } });
    await tamper(`UPDATE "AuditEvent" SET summary = '{"before":{"status":"NEGOTIATING"},"after":{"status":"ARCHIVED"}}' WHERE id = ${original.id}`);
    try {
      const altered = (await verifyAuditChains(testDb())).broken.filter((link) => link.chain === deal.id);
      expect(altered).toEqual([{ chain: deal.id, seq: 2, id: original.id.toString(), problem: expect.stringMatching(/altered/) }]);

      const script = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
        encoding: 'utf8',
      });
      expect(script.status).toBe(1);
      expect(script.stderr).toContain(`BROKEN chain ${deal.id}: event #2`);
    } finally {
      await tamper(`UPDATE "AuditEvent" SET summary = '${JSON.stringify(original.summary)}' WHERE id = ${original.id}`);
    }
    expect((await verifyAuditChains(testDb())).broken.filter((link) => link.chain === deal.id)).toEqual([]);

    const last = await testDb().auditEvent.findFirstOrThrow({ where: { chain: deal.id, seq: 3 } });
    await tamper(`DELETE FROM "AuditEvent" WHERE "chain" = '${deal.id}' AND seq = 2`);
    expect((await verifyAuditChains(testDb())).broken.filter((link) => link.chain === deal.id)).toEqual([
      { chain: deal.id, seq: 3, id: last.id.toString(), problem: expect.stringMatching(/missing/) },
    ]);
  });
});
