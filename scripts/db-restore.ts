// npm run db:restore -- FILE [--data-dir DIR]
// Checks FILE against FILE.sha256, then restores it into an EMPTY database: with DATABASE_URL, a
// pg_dump backup into that (existing, empty) database through pg_restore in one transaction;
// without it, an embedded-database backup into .data/pglite (or DIR), which must not exist or be
// empty. A non-empty target is refused: a restore never overwrites data. Afterwards every audit
// hash chain of the restored database is checked.
// Exit 0 when restored and the chains hold, 1 when refused or failed, 2 on bad usage.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAuditChains } from '../lib/infra/audit-chain';
import { BackupError, restoreEmbedded, restoreServer, tableCounts } from '../lib/infra/backup';
import { startEmbeddedDb } from '../lib/infra/embedded-db';
import { createPrismaClient } from '../lib/infra/prisma';
import { describeTarget, ensureReachable } from '../lib/infra/reachability';

const root = path.resolve(import.meta.dirname, '..');

function usage(message: string): never {
  console.error(`${message}\nusage: npm run db:restore -- FILE [--data-dir DIR]`);
  process.exit(2);
}

async function check(url: string): Promise<boolean> {
  const counts = await tableCounts(url);
  const rows = Object.entries(counts).filter(([table]) => !table.startsWith('_'));
  console.log(`Restored rows: ${rows.map(([table, n]) => `${table} ${n}`).join(', ')}`);
  const prisma = createPrismaClient(url);
  try {
    const { chains, events, broken } = await verifyAuditChains(prisma);
    for (const link of broken) console.error(`BROKEN chain ${link.chain}: event #${link.seq} (id ${link.id}): ${link.problem}`);
    if (broken.length) {
      console.error(`${broken.length} of ${chains} audit chains broken in the restored database.`);
      return false;
    }
    console.log(`All ${chains} audit chains hold (${events} events checked).`);
    return true;
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<boolean> {
  let parsed: { values: { 'data-dir'?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) usage('name exactly one backup file');
  const backup = path.resolve(file);
  const url = process.env.DATABASE_URL;
  if (url) {
    if (parsed.values['data-dir']) usage('--data-dir is for the embedded database; unset DATABASE_URL to use it');
    await ensureReachable(url);
    console.log(`Restoring ${path.basename(backup)} into ${describeTarget(url)} …`);
    const { sha256, ms } = await restoreServer(url, backup);
    console.log(`Checksum ${sha256} verified; restored in ${ms} ms.`);
    return check(url);
  }
  const dataDir = path.resolve(parsed.values['data-dir'] ?? path.join(root, '.data', 'pglite'));
  console.log(`No DATABASE_URL: restoring ${path.basename(backup)} into the embedded database in ${dataDir} …`);
  const { sha256, ms } = await restoreEmbedded(backup, dataDir);
  console.log(`Checksum ${sha256} verified; restored in ${ms} ms.`);
  // Opened on a port of its own, so a check never collides with a running `npm start`.
  const embedded = await startEmbeddedDb({ dataDir });
  try {
    process.env.DATABASE_POOL_MAX = '1';
    return await check(embedded.url);
  } finally {
    await embedded.stop();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error instanceof BackupError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
