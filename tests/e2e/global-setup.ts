// Serves the production build on a fresh database with demo data, for the Chromium tests.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../lib/infra/embedded-db';
import { spawnServer, stopProcessGroup } from '../../lib/infra/next-process';
import { createPrismaClient } from '../../lib/infra/prisma';
import { seedDemo } from '../../lib/seed/seed-demo';
import { createTestDatabase } from '../support/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

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

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('e2e: no production build, running `next build` first');
    const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const database = await createTestDatabase('e2e');
  const prisma = createPrismaClient(database.url);
  await seedDemo(prisma);
  await prisma.$disconnect();

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const server = spawnServer({
    port,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: 'e2e-secret-not-for-production-use-0123456789',
      PES_DEMO: '1',
      // This run's database is dropped afterwards: its anchors go to a log of its own.
      PES_AUDIT_ANCHOR_LOG: path.join(os.tmpdir(), `pes-audit-anchors-e2e-${port}.log`),
      NEXT_TELEMETRY_DISABLED: '1',
      ...(database.embedded ? { DATABASE_POOL_MAX: '1' } : {}),
    },
  });
  await waitForServer(`${baseUrl}/login`, server, 60_000);
  project.provide('baseUrl', baseUrl);
  project.provide('e2eDatabaseUrl', database.url);

  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    stopProcessGroup(server);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await database.drop();
  };
}
