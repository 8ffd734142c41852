// Backup and restore end to end: the demo data (and an archived agreement made through the real
// use cases) in a fresh database, backed up, restored into another fresh, empty database, and
// checked row for row, chain for chain and hash for hash. With DATABASE_URL this goes through
// pg_dump / pg_restore on that server; without it through PGlite's data-directory tarball.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChains } from '../../lib/infra/audit-chain';
import { backupEmbedded, backupServer, checksumPath, restoreEmbedded, restoreServer, tableCounts, userObjects, type BackupWritten } from '../../lib/infra/backup';
import { freePort, startEmbeddedDb } from '../../lib/infra/embedded-db';
import { applyMigrations } from '../../lib/infra/migrations';
import { createPrismaClient } from '../../lib/infra/prisma';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { seedDemo } from '../../lib/seed/seed-demo';
import { agreementHash, loadAgreementRows } from '../../lib/server/agreements/agreement-content';
import { signAgreement } from '../../lib/server/agreements/sign-agreement';
import { loadActor } from '../../lib/server/auth/current-actor';
import { db } from '../../lib/server/db';
import { answerOffer } from '../../lib/server/offers/answer-offer';
import { sendOffer } from '../../lib/server/offers/send-offer';

interface Opened {
  url: string;
  close(): Promise<void>;
}

interface Target {
  restore(file: string): Promise<unknown>;
  open(): Promise<Opened>;
  /** Nothing restored there: no user objects (server) or no data directory (embedded). */
  isEmpty(): Promise<boolean>;
}

interface Harness {
  kind: string;
  createSource(): Promise<Opened>;
  /** Called with the source closed: the embedded directory must not be open while it is copied. */
  backup(out: string): Promise<BackupWritten>;
  createEmptyTarget(): Promise<Target>;
  cleanUp(): Promise<void>;
}

const work = mkdtempSync(path.join(tmpdir(), 'pes-backup-test-'));

function serverHarness(serverUrl: string): Harness {
  const created: string[] = [];
  const admin = async <T>(run: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  const createDatabase = async (label: string) => {
    const name = `pes_${label}_${Date.now()}_${process.pid}_${created.length}`;
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    created.push(name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  let sourceUrl = '';
  return {
    kind: 'pg_dump / pg_restore',
    async createSource() {
      sourceUrl = await createDatabase('backup_source');
      await applyMigrations(sourceUrl);
      return { url: sourceUrl, close: async () => undefined };
    },
    backup: (out) => backupServer(sourceUrl, out),
    async createEmptyTarget() {
      const url = await createDatabase('restore_target');
      return {
        restore: (file) => restoreServer(url, file),
        open: async () => ({ url, close: async () => undefined }),
        isEmpty: async () => (await userObjects(url)).length === 0,
      };
    },
    async cleanUp() {
      for (const name of created) await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

function embeddedHarness(): Harness {
  const sourceDir = path.join(work, 'source-pglite');
  let targets = 0;
  return {
    kind: 'PGlite dumpDataDir / loadDataDir',
    async createSource() {
      const embedded = await startEmbeddedDb({ dataDir: sourceDir });
      await applyMigrations(embedded.url);
      return { url: embedded.url, close: () => embedded.stop() };
    },
    // A port nothing listens on stands in for the app's: the source is closed, not served.
    backup: async (out) => backupEmbedded(sourceDir, out, { port: await freePort() }),
    async createEmptyTarget() {
      const dir = path.join(work, `target-pglite-${++targets}`);
      return {
        restore: (file) => restoreEmbedded(file, dir),
        async open() {
          const embedded = await startEmbeddedDb({ dataDir: dir });
          return { url: embedded.url, close: () => embedded.stop() };
        },
        isEmpty: async () => !existsSync(dir) || readdirSync(dir).length === 0,
      };
    },
    cleanUp: async () => undefined,
  };
}

const harness = inject('databaseEmbedded') ? embeddedHarness() : serverHarness(inject('databaseUrl'));
const origin = { ip: '192.0.2.77', userAgent: 'vitest backup-restore' };

interface Snapshot {
  counts: Record<string, number>;
  heads: { chain: string; seq: number; hash: string }[];
  events: number;
  agreements: { id: string; status: string; hash: string | null }[];
}

async function snapshot(url: string): Promise<Snapshot> {
  const prisma = createPrismaClient(url);
  try {
    const heads = await prisma.$queryRaw<{ chain: string; seq: number; hash: string }[]>`
      SELECT DISTINCT ON (chain) chain, seq, hash FROM "AuditEvent" ORDER BY chain, seq DESC`;
    const agreements = await prisma.agreement.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, hash: true } });
    return { counts: await tableCounts(url), heads, events: await prisma.auditEvent.count(), agreements };
  } finally {
    await prisma.$disconnect();
  }
}

/** Recomputes every archived agreement's hash from its stored rows; returns the ones that differ. */
async function agreementMismatches(url: string): Promise<string[]> {
  const prisma = createPrismaClient(url);
  try {
    const archived = await prisma.agreement.findMany({ where: { status: 'ARCHIVED' }, select: { id: true, dealId: true } });
    const wrong: string[] = [];
    for (const { id, dealId } of archived) {
      const rows = await loadAgreementRows(prisma, dealId, id);
      if (agreementHash(rows) !== rows.agreement.hash) wrong.push(id);
    }
    return wrong;
  } finally {
    await prisma.$disconnect();
  }
}

/** The demo's Shiyan deal, taken to a signed and archived agreement through the use cases. */
async function archiveAnAgreement(): Promise<void> {
  const prisma = db();
  const deal = await prisma.deal.findUniqueOrThrow({ where: { slug: 'shiyan-2003-2050' } });
  const actorOf = async (email: string) => (await loadActor((await prisma.user.findUniqueOrThrow({ where: { email } })).id))!;
  // Tianjin is the deal's second downstream party (lib/seed): every party's signatory signs.
  const [upstream, downstream, tianjin] = [await actorOf('shiyan@pes.demo'), await actorOf('beijing@pes.demo'), await actorOf('tianjin@pes.demo')];
  const version = await prisma.scenarioVersion.findFirstOrThrow({ where: { scenario: { dealId: deal.id, side: 'UPSTREAM' } }, orderBy: { number: 'desc' } });
  const offer = await sendOffer({
    actor: upstream,
    origin,
    dealId: deal.id,
    input: { versionId: version.id, schedule: [{ from: 2021, to: 2030, amount: '6000000.50' }], validUntil: new Date(Date.now() + 30 * 86_400_000) },
  });
  const accepted = (await answerOffer({ actor: downstream, origin, dealId: deal.id, offerId: offer.id, input: { move: 'accept' } })) as { agreementId?: string };
  const agreementId = accepted.agreementId!;
  for (const actor of [upstream, downstream, tianjin]) await signAgreement({ actor, origin, dealId: deal.id, agreementId, input: { password: demoPassword } });
}

let backup: BackupWritten;
let before: Snapshot;

beforeAll(async () => {
  const source = await harness.createSource();
  // The use cases reach the database through db(), which reads DATABASE_URL once per process:
  // point it at the source before its first use here, and back afterwards.
  const runDatabase = process.env.DATABASE_URL;
  process.env.DATABASE_URL = source.url;
  const holder = globalThis as { pesPrisma?: { $disconnect(): Promise<void> } };
  await holder.pesPrisma?.$disconnect();
  holder.pesPrisma = undefined;
  try {
    const prisma = createPrismaClient(source.url);
    try {
      await seedDemo(prisma);
    } finally {
      await prisma.$disconnect();
    }
    await archiveAnAgreement();
    await db().$disconnect();
    holder.pesPrisma = undefined;
    before = await snapshot(source.url);
  } finally {
    process.env.DATABASE_URL = runDatabase;
    await source.close();
  }
  backup = await harness.backup(path.join(work, 'pes.backup'));
}, 180_000);

afterAll(async () => {
  await harness.cleanUp();
  rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore (${harness.kind})`, () => {
  it('writes the backup with its SHA-256 beside it, in sha256sum format', () => {
    expect(backup.bytes).toBeGreaterThan(0);
    expect(readFileSync(checksumPath(backup.file), 'utf8')).toBe(`${backup.sha256}  ${path.basename(backup.file)}\n`);
    // The source had something worth checking afterwards.
    expect(before.counts.ScenarioVersion).toBeGreaterThan(0);
    expect(before.agreements.filter((a) => a.status === 'ARCHIVED')).toHaveLength(1);
    expect(before.events).toBeGreaterThan(10);
  });

  it('restores into an empty database with every row, audit chain and agreement hash intact', async () => {
    const target = await harness.createEmptyTarget();
    await target.restore(backup.file);
    const restored = await target.open();
    try {
      const after = await snapshot(restored.url);
      expect(after.counts).toEqual(before.counts);
      expect(after.heads).toEqual(before.heads);
      expect(after.agreements).toEqual(before.agreements);
      const prisma = createPrismaClient(restored.url);
      try {
        const chains = await verifyAuditChains(prisma);
        expect(chains.broken).toEqual([]);
        expect(chains.events).toBe(before.events);
        // The restored database still refuses to change history.
        await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET action = 'x' WHERE seq = 1`).rejects.toThrow(/append-only/);
        await expect(prisma.$executeRaw`UPDATE "Agreement" SET "priceBase" = 'x'`).rejects.toThrow(/frozen|fixed/);
      } finally {
        await prisma.$disconnect();
      }
      expect(await agreementMismatches(restored.url)).toEqual([]);
    } finally {
      await restored.close();
    }
  });

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const target = await harness.createEmptyTarget();
    await target.restore(backup.file);
    await expect(target.restore(backup.file)).rejects.toThrow(/not empty/);
    const opened = await target.open();
    try {
      expect((await snapshot(opened.url)).counts).toEqual(before.counts);
    } finally {
      await opened.close();
    }
  });

  it('refuses a backup with one byte flipped, before touching the target', async () => {
    const corrupted = path.join(work, 'corrupted.backup');
    const bytes = readFileSync(backup.file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(corrupted, bytes);
    copyFileSync(checksumPath(backup.file), checksumPath(corrupted));
    const target = await harness.createEmptyTarget();
    await expect(target.restore(corrupted)).rejects.toThrow(/checksum mismatch/);
    expect(await target.isEmpty()).toBe(true);
  });

  it('refuses a backup whose checksum file is missing', async () => {
    const bare = path.join(work, 'bare.backup');
    copyFileSync(backup.file, bare);
    const target = await harness.createEmptyTarget();
    await expect(target.restore(bare)).rejects.toThrow(/sha256 is missing/);
    expect(await target.isEmpty()).toBe(true);
  });
});
