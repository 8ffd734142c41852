// npm run audit:verify [-- --anchors FILE ...] — checks every audit hash chain in DATABASE_URL
// against its keyed hashes (PES_AUDIT_KEY, PES_AUDIT_RETIRED_KEYS) and the anchors written outside
// the database (PES_AUDIT_ANCHOR_LOG, or each --anchors file: one per app server), and names the
// first broken link of each broken chain. Exit 0 when all hold, 1 when any is broken, 2 on bad usage.
import { parseArgs } from 'node:util';
import { anchorLogPath, readAnchors } from '../lib/infra/audit-anchors';
import { verifyAuditChains } from '../lib/infra/audit-chain';
import { loadAuditKeyring } from '../lib/infra/audit-key';
import { createPrismaClient } from '../lib/infra/prisma';
import { ensureReachable } from '../lib/infra/reachability';

const { values } = parseArgs({ options: { anchors: { type: 'string', multiple: true } }, strict: true });
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: say which database to check.');
  process.exit(2);
}
let keyring;
try {
  keyring = loadAuditKeyring();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
try {
  await ensureReachable(url);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const anchorFiles = values.anchors?.length ? values.anchors : [anchorLogPath()];
const { anchors, problems, files } = readAnchors(anchorFiles, keyring);
if (files.length === 0) console.warn(`No anchor log at ${anchorFiles.join(', ')}: the chains are checked without anchors, so a cut tail cannot be seen.`);
const prisma = createPrismaClient(url);
try {
  const { chains, events, broken, anchors: anchorCount } = await verifyAuditChains(prisma, { anchors, keyring });
  for (const problem of problems) console.error(`BROKEN anchor log ${problem}`);
  if (broken.length === 0 && problems.length === 0) {
    console.log(`All ${chains} audit chains hold (${events} events checked, against ${anchorCount} anchors).`);
    process.exit(0);
  }
  for (const link of broken) console.error(`BROKEN chain ${link.chain}: event #${link.seq} (id ${link.id}): ${link.problem}`);
  console.error(`${broken.length} of ${chains} chains broken${problems.length ? `, ${problems.length} anchor lines broken` : ''}.`);
  process.exit(1);
} finally {
  await prisma.$disconnect();
}
