// npm run audit:verify — checks every audit hash chain in DATABASE_URL and names the first broken
// link of each broken chain. Exit 0 when all hold, 1 when any is broken, 2 on bad usage.
import { verifyAuditChains } from '../lib/infra/audit-chain';
import { createPrismaClient } from '../lib/infra/prisma';
import { ensureReachable } from '../lib/infra/reachability';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: say which database to check.');
  process.exit(2);
}
try {
  await ensureReachable(url);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const prisma = createPrismaClient(url);
try {
  const { chains, events, broken } = await verifyAuditChains(prisma);
  if (broken.length === 0) {
    console.log(`All ${chains} audit chains hold (${events} events checked).`);
    process.exit(0);
  }
  for (const link of broken) console.error(`BROKEN chain ${link.chain}: event #${link.seq} (id ${link.id}): ${link.problem}`);
  console.error(`${broken.length} of ${chains} chains broken.`);
  process.exit(1);
} finally {
  await prisma.$disconnect();
}
