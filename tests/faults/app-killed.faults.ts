// Fault: the app process is SIGKILLed while saves and offers are in flight, then started again
// on the same database. Every write is wholly there (version, its audit event, its evidence
// links; offer and its event) or wholly absent, and nothing acknowledged is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/infra/embedded-db';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { applyMigrations } from '../../lib/infra/migrations';
import { createPrismaClient } from '../../lib/infra/prisma';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { seedDemo } from '../../lib/seed/seed-demo';
import { signIn, startApp, type AppServer } from './support/app-server';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { checkStore, prepareFixture, startLoad, tally, unclearAnswers } from './support/save-load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let pg: PrivatePostgres;
let app: AppServer;
let prisma: PrismaClient;
let port: number;

beforeAll(async () => {
  pg = await startPrivatePostgres('kill');
  await applyMigrations(pg.url);
  prisma = createPrismaClient(pg.url);
  await seedDemo(prisma);
  port = await freePort();
  app = await startApp({ databaseUrl: pg.url, port });
});

afterAll(async () => {
  await app?.kill('SIGTERM');
  await prisma?.$disconnect();
  await pg?.destroy();
});

describe('the app process killed during writes (SIGKILL, then restarted)', () => {
  it('keeps every save and offer whole or absent, and every acknowledged one', async ({ task }) => {
    const upstream = await signIn(app.baseUrl, 'shiyan@pes.demo', demoPassword);
    const fixture = await prepareFixture(prisma, upstream, app.baseUrl, 3);
    const load = startLoad(fixture, upstream, () => app.baseUrl);
    const kills: { at: number; inFlight: number; restartedInMs: number }[] = [];
    try {
      for (let round = 0; round < 2; round++) {
        await sleep(1_500 + round * 400);
        const inFlightBefore = load.records.length;
        const killedAt = Date.now();
        await app.kill('SIGKILL');
        app = await startApp({ databaseUrl: pg.url, port });
        const restartedInMs = Date.now() - killedAt;
        await sleep(1_000);
        const inFlight = load.records.slice(inFlightBefore).filter((r) => r.answer.status === 0 && r.startedAt < killedAt).length;
        kills.push({ at: killedAt, inFlight, restartedInMs });
      }
      await sleep(1_000);
    } finally {
      await load.stop();
    }

    // No answer is expected while the app is down. A write in flight at the kill may or may not
    // have committed before the process died; every other answer is definite.
    type WriteRecord = (typeof load.records)[number];
    const noAnswer = (r: WriteRecord) => r.answer.status === 0 && !r.answer.timedOut;
    const inFlightAtKill = (r: WriteRecord) => noAnswer(r) && kills.some((k) => r.startedAt <= k.at && k.at <= r.startedAt + r.answer.ms);
    const unclear = unclearAnswers(load.records, noAnswer);
    const store = await checkStore(prisma, fixture, load.records, inFlightAtKill);
    const idleInTransaction = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'`;
    const details = { kills: kills.map(({ at: _at, ...k }) => k), answers: tally(load.records), ...store.facts, idleInTransactionAfter: Number(idleInTransaction[0]?.count ?? 0) };
    (task.meta as { details?: unknown }).details = details;
    console.log('app killed:', JSON.stringify(details, null, 2));

    expect(unclear, `answers that were neither a success nor a clear JSON error:\n${unclear.join('\n')}`).toEqual([]);
    expect(store.problems, store.problems.join('\n')).toEqual([]);
    expect(
      kills.some((k) => k.inFlight > 0),
      'no write was in flight when the app was killed: the fault was not exercised',
    ).toBe(true);
    expect(store.facts.acknowledged).toBeGreaterThan(0);

    // The restarted app works on the same data: a save onto every line, from the version the database holds.
    for (const line of fixture.lines) {
      const latest = await prisma.scenarioVersion.findFirstOrThrow({ where: { scenarioId: line.scenarioId }, orderBy: { number: 'desc' } });
      const answer = await upstream.send(app.baseUrl, `/api/v1/deals/${fixture.dealId}/scenarios/${line.scenarioId}/versions`, 'POST', {
        baseVersionId: latest.id,
        document: latest.document,
        message: `after the restart onto v${latest.number}`,
      });
      expect(answer.status, answer.text.slice(0, 300)).toBe(201);
    }
  });
});
