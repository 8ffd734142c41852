// The production build served on a fresh database with the demo data: the shared e2e server
// (global-setup.ts), and a private one for a file that must see the demo exactly as seeded.
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../lib/infra/embedded-db';
import { spawnServer, stopProcessGroup } from '../../lib/infra/next-process';
import { createPrismaClient } from '../../lib/infra/prisma';
import { seedDemo } from '../../lib/seed/seed-demo';
import { createTestDatabase } from '../support/test-database';

export interface DemoServer {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
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

export async function startDemoServer(label: string): Promise<DemoServer> {
  const database = await createTestDatabase(label);
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
      NEXT_TELEMETRY_DISABLED: '1',
      ...(database.embedded ? { DATABASE_POOL_MAX: '1' } : {}),
    },
  });
  await waitForServer(`${baseUrl}/login`, server, 60_000);
  return {
    baseUrl,
    databaseUrl: database.url,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      stopProcessGroup(server);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await database.drop();
    },
  };
}
