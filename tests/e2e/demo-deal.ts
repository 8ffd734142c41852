// The set-up most e2e files share: the seeded Shiyan deal in the suite's database, a browser for
// the file, the demo parties signed in over HTTP, and scenarios of a file's own copied from the
// seeded ones through the API, as a member would post them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { createPrismaClient } from '../../lib/infra/prisma';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { launch } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';

/** The demo deal every file works on (lib/seed). */
export const demoDealSlug = 'shiyan-2003-2050';

type Side = 'UPSTREAM' | 'DOWNSTREAM';
type Prisma = ReturnType<typeof createPrismaClient>;

export interface DemoDeal {
  /** The file's browser, closed after its tests. */
  browser: Browser;
  dealId: string;
  /** The newest version of the deal's scenario `name` of `side`, or of any scenario of `side` (whatever other files saved meanwhile). */
  latestVersion(side: Side, name?: string): Promise<string>;
}

/** Reads the suite's database with a client of its own, closed after. */
export async function withSuiteDatabase<T>(read: (prisma: Prisma) => Promise<T>): Promise<T> {
  const prisma = createPrismaClient(inject('e2eDatabaseUrl'));
  try {
    return await read(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/** The demo deal's id and its newest versions, read with one client. */
export function readDemoDeal<T>(read: (deal: Omit<DemoDeal, 'browser'>) => Promise<T>): Promise<T> {
  return withSuiteDatabase(async (prisma) => {
    const dealId = (await prisma.deal.findUniqueOrThrow({ where: { slug: demoDealSlug } })).id;
    const latestVersion = async (side: Side, name?: string) =>
      (await prisma.scenarioVersion.findFirstOrThrow({ where: { scenario: { dealId, side, ...(name ? { name } : {}) } }, orderBy: name ? { number: 'desc' } : { createdAt: 'desc' } })).id;
    return read({ dealId, latestVersion });
  });
}

/**
 * Registers a file's set-up as its hooks: before its tests a browser is launched and `setUp` is
 * given it with the demo deal (the database client is open while `setUp` runs); after them the
 * browser is closed.
 */
export function onDemoDeal(setUp: (demo: DemoDeal) => Promise<void> | void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
    const opened = browser;
    await readDemoDeal((deal) => Promise.resolve(setUp({ ...deal, browser: opened })));
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/** The demo parties signed in over HTTP at once: Shiyan (upstream), Beijing (downstream) and the fund. */
export async function demoParties(base?: string): Promise<{ upstream: HttpSession; downstream: HttpSession; fund: HttpSession }> {
  const [upstream, downstream, fund] = await Promise.all(['shiyan@pes.demo', 'beijing@pes.demo', 'fund@pes.demo'].map((email) => signInOverHttp(email, demoPassword, base)));
  return { upstream: upstream!, downstream: downstream!, fund: fund! };
}

/**
 * A scenario of the file's own through the API: the document of version `from`, changed by
 * `change`, posted as a new scenario named `name` by `api`'s member.
 */
export async function copyScenario<D>(
  api: HttpSession,
  dealId: string,
  from: string,
  { name, message, change = (document) => document }: { name: string; message: string; change?: (document: D) => D },
): Promise<{ scenarioId: string; versionId: string; document: D }> {
  const document = (await api.json<D>(`/api/v1/deals/${dealId}/versions/${from}`)).body;
  const created = await api.json<{ scenarioId: string; versionId: string }>(`/api/v1/deals/${dealId}/scenarios`, 'POST', { document: change(document), name, message });
  expect(created.status, JSON.stringify(created.body).slice(0, 400)).toBe(201);
  return { ...created.body, document };
}
