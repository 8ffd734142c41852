// npm start: the whole platform from one command.
// Without DATABASE_URL: an embedded PostgreSQL under .data/, migrated, seeded with demo data on
// first start. With DATABASE_URL: that server, migrated, nothing started. Builds if needed, then
// serves on http://localhost:3000 (PORT to change).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedDb, type EmbeddedDb } from '../lib/infra/embedded-db';
import { applyMigrations } from '../lib/infra/migrations';
import { spawnServer, stopProcessGroup } from '../lib/infra/next-process';
import { createPrismaClient } from '../lib/infra/prisma';
import { describeTarget, ensureReachable } from '../lib/infra/reachability';
import { demoAccounts, demoPassword } from '../lib/seed/demo-accounts';
import { seedDemo } from '../lib/seed/seed-demo';
import { seedDemoAgreement } from '../lib/infra/demo-agreement';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, '.data');
const port = Number(process.env.PORT ?? 3000);

function secret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  // A demo installation keeps its own random secret so sessions survive restarts.
  const file = path.join(dataDir, 'nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  let embedded: EmbeddedDb | undefined;
  let url = process.env.DATABASE_URL;
  if (url) {
    console.log(`Using PostgreSQL at ${describeTarget(url)} (DATABASE_URL).`);
    await ensureReachable(url);
  } else {
    console.log('No DATABASE_URL: starting the embedded PostgreSQL (PGlite) in .data/pglite …');
    embedded = await startEmbeddedDb({ dataDir: path.join(dataDir, 'pglite'), port: Number(process.env.PES_EMBEDDED_PORT ?? 54329) });
    url = embedded.url;
  }

  const applied = await applyMigrations(url);
  console.log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date.');

  const seedDemoData = Boolean(embedded) || process.env.PES_SEED_DEMO === '1';
  if (seedDemoData) {
    const prisma = createPrismaClient(url);
    let agreementMissing: boolean;
    try {
      if ((await prisma.user.count()) === 0) {
        const counts = await seedDemo(prisma);
        console.log(`Demo data seeded: ${counts.users} users, ${counts.deals} deals, ${counts.scenarios} scenarios.`);
      }
      // Asked here, so that a start on a seeded database does not spend seconds on a process that has nothing to do.
      agreementMissing = (await prisma.agreement.count({ where: { deal: { slug: 'miyun-illustrative' } } })) === 0;
    } finally {
      await prisma.$disconnect();
    }
    if (agreementMissing) await seedDemoAgreement(url, embedded ? { DATABASE_POOL_MAX: '1' } : {});
  }

  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('No production build yet: running `next build` (a few minutes, once) …');
    const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: process.env });
    if (build.status !== 0) throw new Error('`next build` failed; see its output above.');
  }

  const server = spawnServer({
    port,
    host: process.env.PES_BIND ?? '127.0.0.1',
    stdio: 'pipe',
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXTAUTH_SECRET: secret(),
      PES_DEMO: seedDemoData ? '1' : (process.env.PES_DEMO ?? ''),
      ...(embedded ? { DATABASE_POOL_MAX: '1' } : {}),
    },
  });

  let announced = false;
  server.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      console.log(`\n  The platform is running: http://localhost:${port}\n`);
      if (seedDemoData) {
        console.log(`  Demo sign-ins (password for all: ${demoPassword}):`);
        for (const account of demoAccounts) console.log(`    ${account.email.padEnd(20)} ${account.role}`);
        console.log('');
      }
    }
  });

  const stop = async (code: number) => {
    stopProcessGroup(server);
    await embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  server.on('exit', (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
