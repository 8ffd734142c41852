// The production build served on a fresh database with the demo data: what the Chromium tests
// (tests/e2e/global-setup.ts) and the page-weight bench (scripts/bench-pages.ts) run against.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../seed/seed-demo';
import { seedDemoAgreement } from './demo-agreement';
import { freePort } from './embedded-db';
import { spawnServer, stopProcessGroup } from './next-process';
import { createPrismaClient } from './prisma';
import { createScratchDatabase } from './scratch-database';

const root = path.resolve(import.meta.dirname, '../..');

export interface DemoServer {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Runs `next build` when there is no production build; an existing one is used as it is. */
export function ensureProductionBuild(who: string): void {
  if (existsSync(path.join(root, '.next', 'BUILD_ID'))) return;
  console.log(`${who}: no production build, running \`next build\` first`);
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error('next build failed');
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** A fresh database (lib/infra/scratch-database.ts), seeded with the demo, and the built app on a free port. */
export async function startDemoServer(label: string): Promise<DemoServer> {
  const database = await createScratchDatabase(label);
  const port = await freePort();
  // This run's database is dropped afterwards: its anchors go to a log of its own.
  const anchorLog = path.join(os.tmpdir(), `pes-audit-anchors-${label}-${port}.log`);
  try {
    const prisma = createPrismaClient(database.url);
    await seedDemo(prisma);
    await prisma.$disconnect();
    await seedDemoAgreement(database.url, { PES_AUDIT_ANCHOR_LOG: anchorLog, ...(database.embedded ? { DATABASE_POOL_MAX: '1' } : {}) });
  } catch (error) {
    await database.drop();
    throw error;
  }

  const baseUrl = `http://localhost:${port}`;
  const server = spawnServer({
    port,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: `${label}-secret-not-for-production-use-0123456789`,
      PES_DEMO: '1',
      PES_AUDIT_ANCHOR_LOG: anchorLog,
      NEXT_TELEMETRY_DISABLED: '1',
      ...(database.embedded ? { DATABASE_POOL_MAX: '1' } : {}),
    },
  });
  const stop = async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    stopProcessGroup(server);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await database.drop();
  };
  try {
    await waitForServer(`${baseUrl}/login`, server, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, databaseUrl: database.url, stop };
}
