import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { anchorChangedChainHeads, readAnchors } from '../../lib/infra/audit-anchors';
import { genesisHash, legacyEventHash, verifyAuditChains } from '../../lib/infra/audit-chain';
import { loadAuditKeyring } from '../../lib/infra/audit-key';
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
    await testDb().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ADD CONSTRAINT "${constraint}" CHECK (NOT (action = 'deal.status_changed' AND "dealId" = '${deal.id}')) NOT VALID`);
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
      expect(altered).toEqual([{ chain: deal.id, seq: 2, id: original.id.toString(), problem: expect.stringMatching(/altered/), reason: { code: 'alteredKeyed', params: {} } }]);

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
      { chain: deal.id, seq: 3, id: last.id.toString(), problem: expect.stringMatching(/missing/), reason: { code: 'sequenceGap', params: { after: 1, found: 3 } } },
    ]);
  });

  describe('against someone who can write to the database but holds neither the key nor the anchors', () => {
    const tamper = (sql: string) =>
      testDb().$transaction([
        testDb().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`),
        testDb().$executeRawUnsafe(sql),
        testDb().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`),
      ]);

    async function dealWithEvents(count: number) {
      const { deal, actor } = await dealWithManager();
      const users = await Promise.all(Array.from({ length: count }, () => makeUser()));
      for (const user of users) await addDealMember({ actor, origin, dealId: deal.id, input: { userId: user.id, side: 'OBSERVER', canEdit: false, canSign: false } });
      return deal;
    }

    /** Rewrites event #from of the chain and recomputes every hash after it, as an attacker without the key can: plain SHA-256. */
    async function rewriteAndRecompute(chain: string, from: number) {
      const events = await testDb().auditEvent.findMany({ where: { chain }, orderBy: { seq: 'asc' } });
      let prevHash = events[from - 2]?.hash ?? genesisHash;
      for (const event of events.slice(from - 1)) {
        const { id, hash: _hash, scheme: _scheme, keyId: _keyId, ...content } = event;
        const changed = { ...content, prevHash, email: event.seq === from ? 'someone-else@example.test' : content.email };
        const hash = legacyEventHash(changed);
        await tamper(`UPDATE "AuditEvent" SET email = '${changed.email}', "prevHash" = '${prevHash}', hash = '${hash}', scheme = 1, "keyId" = NULL WHERE id = ${id}`);
        prevHash = hash;
      }
    }

    it('hashes new events with the audit key (scheme 2), naming the key', async () => {
      const deal = await dealWithEvents(1);
      const event = await testDb().auditEvent.findFirstOrThrow({ where: { chain: deal.id } });
      expect(event).toMatchObject({ scheme: 2, keyId: loadAuditKeyring().current.id });
      expect(event.hash).not.toBe(legacyEventHash({ ...event }));
    });

    it('detects an event rewritten with the rest of the chain recomputed', async () => {
      const deal = await dealWithEvents(4);
      await rewriteAndRecompute(deal.id, 2);
      const [link] = (await verifyAuditChains(testDb())).broken.filter((l) => l.chain === deal.id);
      expect(link).toMatchObject({ seq: 2, problem: expect.stringMatching(/unkeyed hash after keyed events/) });

      // The whole chain rewritten in the old scheme passes every link, but not its anchor.
      const other = await dealWithEvents(3);
      const file = `${mkdtempSync(path.join(os.tmpdir(), 'pes-anchors-'))}/anchors.log`;
      await anchorChangedChainHeads(testDb(), { file });
      await rewriteAndRecompute(other.id, 1);
      const { anchors, problems } = readAnchors([file]);
      expect(problems).toEqual([]);
      const broken = (await verifyAuditChains(testDb(), { anchors })).broken.filter((l) => l.chain === other.id);
      expect(broken).toEqual([
        { chain: other.id, seq: 3, id: expect.any(String), problem: expect.stringMatching(/differs from the anchor/), reason: { code: 'anchorDiffers', params: { at: expect.any(String) } } },
      ]);
    });

    it('detects a chain hashed with a key it does not know, and a chain recomputed with another key', async () => {
      const deal = await dealWithEvents(2);
      const stranger = loadAuditKeyring({ PES_AUDIT_KEY: 'another-installation-key-0123456789abcdef', NODE_ENV: 'test' });
      const [link] = (await verifyAuditChains(testDb(), { keyring: stranger })).broken.filter((l) => l.chain === deal.id);
      expect(link).toMatchObject({ seq: 1, problem: expect.stringMatching(/neither PES_AUDIT_KEY nor in PES_AUDIT_RETIRED_KEYS/) });
      // After a rotation the old key, listed as retired, still verifies the old events.
      const rotated = loadAuditKeyring({ PES_AUDIT_KEY: 'another-installation-key-0123456789abcdef', PES_AUDIT_RETIRED_KEYS: loadAuditKeyring().current.secret.toString(), NODE_ENV: 'test' });
      expect((await verifyAuditChains(testDb(), { keyring: rotated })).broken.filter((l) => l.chain === deal.id)).toEqual([]);
    });

    it('detects the newest events deleted, against the anchor, and names them in npm run audit:verify', async () => {
      const deal = await dealWithEvents(4);
      const file = `${mkdtempSync(path.join(os.tmpdir(), 'pes-anchors-'))}/anchors.log`;
      const written = await anchorChangedChainHeads(testDb(), { file });
      expect(written.find((a) => a.chain === deal.id)).toMatchObject({ seq: 4 });
      await tamper(`DELETE FROM "AuditEvent" WHERE chain = '${deal.id}' AND seq >= 3`);

      expect((await verifyAuditChains(testDb())).broken.filter((l) => l.chain === deal.id)).toEqual([]);
      const { anchors } = readAnchors([file]);
      expect((await verifyAuditChains(testDb(), { anchors })).broken.filter((l) => l.chain === deal.id)).toEqual([
        {
          chain: deal.id,
          seq: 4,
          id: expect.any(String),
          problem: expect.stringMatching(/anchored .* but the chain ends at #2 \(its newest events were deleted\)/),
          reason: { code: 'tailCut', params: { anchored: 4, at: expect.any(String), last: 2 } },
        },
      ]);
      const script = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts', '--anchors', file], { cwd: path.resolve(import.meta.dirname, '../..'), env: process.env, encoding: 'utf8' });
      expect(script.status).toBe(1);
      expect(script.stderr).toContain(`BROKEN chain ${deal.id}: event #4`);
      expect(script.stderr).toContain('newest events were deleted');
    });

    it('refuses an anchor line that was altered', async () => {
      const deal = await dealWithEvents(1);
      const file = `${mkdtempSync(path.join(os.tmpdir(), 'pes-anchors-'))}/anchors.log`;
      await anchorChangedChainHeads(testDb(), { file });
      const { readFileSync, writeFileSync } = await import('node:fs');
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      const index = lines.findIndex((line) => line.includes(deal.id));
      lines[index] = lines[index]!.replace(/"seq":1/, '"seq":7');
      writeFileSync(file, `${lines.join('\n')}\n`);
      expect(readAnchors([file]).problems).toEqual([expect.stringMatching(new RegExp(`:${index + 1}: its seal does not match`))]);
    });
  });
});
