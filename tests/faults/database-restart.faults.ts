// Fault: PostgreSQL stops for ~3 s in the middle of saves, twice (a clean fast shutdown, then an
// immediate one as after a crash), while the app keeps running. Every request must end in a
// success or a clear JSON error, nothing half-written or lost, and the app must serve again on
// its own within seconds of the database coming back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/infra/embedded-db';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { applyMigrations } from '../../lib/infra/migrations';
import { createPrismaClient } from '../../lib/infra/prisma';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { seedDemo } from '../../lib/seed/seed-demo';
import { signIn, startApp, type AppServer, type Session } from './support/app-server';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { checkStore, prepareFixture, startLoad, tally, unclearAnswers } from './support/save-load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const outageMs = 3_000;
const recoveryLimitMs = 10_000;

let pg: PrivatePostgres;
let app: AppServer;
let prisma: PrismaClient;

beforeAll(async () => {
  pg = await startPrivatePostgres('restart');
  await applyMigrations(pg.url);
  prisma = createPrismaClient(pg.url);
  await seedDemo(prisma);
  app = await startApp({ databaseUrl: pg.url, port: await freePort() });
});

afterAll(async () => {
  await app?.kill('SIGTERM');
  await prisma?.$disconnect();
  await pg?.destroy();
});

/** Polls a request that needs the database until it answers 200; the time it took, or null. */
async function timeToServe(session: Session, limitMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const answer = await session.send(app.baseUrl, '/api/v1/me', 'GET', undefined, 5_000);
    if (answer.status === 200) return Date.now() - started;
    await sleep(100);
  }
  return null;
}

describe('PostgreSQL restarted in the middle of saves (private cluster, pg_ctl stop/start)', () => {
  it('answers every request clearly, keeps exactly the acknowledged writes, and serves again without a restart', async ({ task }) => {
    const upstream = await signIn(app.baseUrl, 'shiyan@pes.demo', demoPassword);
    const fixture = await prepareFixture(prisma, upstream, app.baseUrl, 3);
    const load = startLoad(fixture, upstream, () => app.baseUrl);
    const outages: { mode: string; stoppedInMs: number; downForMs: number; servesAgainAfterMs: number | null; failedDuring: number }[] = [];
    try {
      await sleep(2_000);
      for (const mode of ['fast', 'immediate'] as const) {
        const before = load.records.length;
        const stopping = Date.now();
        await pg.stop(mode);
        const stopped = Date.now();
        await sleep(outageMs);
        await pg.start();
        const up = Date.now();
        const servesAgainAfterMs = await timeToServe(upstream, recoveryLimitMs);
        const failedDuring = load.records.slice(before).filter((r) => r.answer.status >= 500 || r.answer.status === 0).length;
        outages.push({ mode, stoppedInMs: stopped - stopping, downForMs: up - stopping, servesAgainAfterMs, failedDuring });
        await sleep(2_000);
      }
    } finally {
      await load.stop();
    }

    const unclear = unclearAnswers(load.records);
    const store = await checkStore(prisma, fixture, load.records, () => false);
    const slowest = Math.max(...load.records.map((r) => r.answer.ms));
    const errorsSeen = [
      ...new Set(
        load.records
          .filter((r) => r.answer.status >= 400)
          .map(
            (r) =>
              `${r.answer.status} ${(r.answer.json as { error?: { code?: string; message?: string } } | null)?.error?.code ?? ''}: ${(r.answer.json as { error?: { message?: string } } | null)?.error?.message ?? r.answer.text.slice(0, 100)}`,
          ),
      ),
    ];
    const details = {
      database: 'private PostgreSQL cluster (initdb + pg_ctl, run as the postgres user)',
      outages,
      answers: tally(load.records),
      slowestAnswerMs: slowest,
      errorsSeen,
      ...store.facts,
      appExited: app.exited(),
    };
    (task.meta as { details?: unknown }).details = details;
    console.log('database restart:', JSON.stringify(details, null, 2));

    expect(app.exited(), `the app process died:\n${app.output()}`).toBe(false);
    expect(unclear, `answers that were neither a success nor a clear JSON error:\n${unclear.join('\n')}`).toEqual([]);
    // A database that is down is the server's to report as such (503 unavailable, to retry), not as a bug (500).
    const notUnavailable = load.records.filter((r) => r.answer.status >= 500 && !(r.answer.status === 503 && (r.answer.json as { error?: { code?: string } } | null)?.error?.code === 'unavailable'));
    expect(
      notUnavailable.map((r) => `${r.kind} "${r.tag}": ${r.answer.status} ${r.answer.text.slice(0, 160)}`),
      'failures while the database was down should be 503 unavailable',
    ).toEqual([]);
    for (const outage of outages) {
      expect(outage.servesAgainAfterMs, `after the ${outage.mode} restart the app did not serve GET /api/v1/me within ${recoveryLimitMs / 1000} s\n${app.output()}`).not.toBeNull();
    }
    expect(
      outages.reduce((n, o) => n + o.failedDuring, 0),
      'no request failed while the database was down: the outage was not exercised',
    ).toBeGreaterThan(0);
    expect(store.problems, store.problems.join('\n')).toEqual([]);
    expect(store.facts.acknowledged).toBeGreaterThan(0);
  });
});
