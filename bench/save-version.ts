/**
 * Server-side time to save a scenario version: a 48-year scenario with 60 line items, saved 40
 * times in a row, each from the previous version (parse, validate, compute, hash, insert, audit).
 *
 *   npm run bench:save          (runs: tsx --conditions=react-server bench/save-version.ts)
 *
 * Uses a fresh database of its own: on the server DATABASE_URL names, or else the embedded one.
 * Prints median, p95 and max in milliseconds against the 300 ms target of issue 5.
 */
import { performance } from 'node:perf_hooks';
import { createScratchDatabase } from '../lib/infra/scratch-database';
import { shiyanDocument } from '../lib/engine/fixtures';
import type { Actor } from '../lib/domain/actor';

const SAVES = 40;
const WARM_UP = 3;
const ITEMS = 60;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function main() {
  const database = await createScratchDatabase('bench');
  process.env.DATABASE_URL = database.url;
  if (database.embedded) process.env.DATABASE_POOL_MAX = '1';
  try {
    // Imported after DATABASE_URL is set: the data-access layer reads it on first use.
    const { db } = await import('../lib/server/db');
    const { saveScenarioVersion } = await import('../lib/server/scenarios/save-scenario-version');
    const prisma = db();
    const organisation = await prisma.organisation.create({ data: { name: 'Bench upstream', nameZh: '基准上游', kind: 'UPSTREAM_GOVERNMENT' } });
    const user = await prisma.user.create({ data: { email: 'bench@example.test', name: 'Bench', passwordHash: 'not-used', role: 'MEMBER', organisationId: organisation.id } });
    const deal = await prisma.deal.create({
      data: {
        slug: 'bench',
        name: 'Bench',
        nameZh: '基准',
        watershed: 'Han',
        watershedZh: '汉江',
        startYear: 2003,
        endYear: 2050,
        priceBase: '2000 prices',
        members: { create: [{ userId: user.id, side: 'UPSTREAM', canEdit: true }] },
      },
    });
    const actor: Actor = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: 'MEMBER',
      locale: 'zh',
      amountUnit: 'wan',
      organisation: { id: organisation.id, name: organisation.name, nameZh: organisation.nameZh, kind: 'UPSTREAM_GOVERNMENT' },
    };
    const origin = { ip: '127.0.0.1', userAgent: 'bench' };

    const document = structuredClone(shiyanDocument()) as { costs: { code: string; label: string; values: Record<string, string> }[] };
    const seedItems = document.costs;
    document.costs = Array.from({ length: ITEMS }, (_, i) => ({ ...seedItems[i % seedItems.length]!, label: `${seedItems[i % seedItems.length]!.label} #${i + 1}` }));
    const years = Object.keys(document.costs[0]!.values);

    let saved = await saveScenarioVersion({ actor, origin, dealId: deal.id, input: { document, message: 'v1', name: 'Bench scenario' } });
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + SAVES; i++) {
      // One cell changes per save, as an edit would.
      document.costs[i % ITEMS]!.values[years[0]!] = String(100000 + i);
      const started = performance.now();
      saved = await saveScenarioVersion({ actor, origin, dealId: deal.id, input: { scenarioId: saved.scenarioId, baseVersionId: saved.versionId, document, message: `edit ${i}` } });
      if (i >= WARM_UP) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(`save a version (48 years × ${ITEMS} items), ${SAVES} saves on ${database.embedded ? 'the embedded PostgreSQL' : 'PostgreSQL server'}:`);
    console.log(`  median ${fmt(quantile(times, 0.5))}   p95 ${fmt(quantile(times, 0.95))}   max ${fmt(times.at(-1)!)}   (target: median < 300 ms)`);
    await prisma.$disconnect();
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
