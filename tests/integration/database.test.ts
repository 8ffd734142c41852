import { describe, expect, it } from 'vitest';
import { isEmptyDiff, pendingSchemaSql } from '../../lib/infra/migrations';
import { ensureReachable } from '../../lib/infra/reachability';
import { createPrismaClient } from '../../lib/infra/prisma';
import { seedDemo } from '../../lib/seed/seed-demo';
import { demoAccounts } from '../../lib/seed/demo-accounts';
import { verifyAuditChains } from '../../lib/infra/audit-chain';
import { testDb } from '../factories';

describe('migrations', () => {
  it('hold everything schema.prisma declares', async () => {
    const sql = await pendingSchemaSql();
    expect(isEmptyDiff(sql), sql).toBe(true);
  });
});

describe('reachability', () => {
  it('names the host it could not reach, within the timeout', async () => {
    const started = Date.now();
    await expect(ensureReachable('postgresql://postgres@127.0.0.1:1/none', 2_000)).rejects.toThrow(/Cannot reach PostgreSQL at 127\.0\.0\.1:1\/none/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('demo seed', () => {
  it('is idempotent', async () => {
    const prisma = createPrismaClient(process.env.DATABASE_URL!);
    try {
      await seedDemo(prisma);
      const counts = async () => [
        await testDb().user.count(),
        await testDb().deal.count(),
        await testDb().dealMember.count(),
        await testDb().organisation.count(),
        await testDb().scenario.count(),
        await testDb().scenarioVersion.count(),
      ];
      const first = await counts();
      await seedDemo(prisma);
      expect(await counts()).toEqual(first);
      const demoUsers = await testDb().user.findMany({ where: { email: { in: demoAccounts.map((a) => a.email) } } });
      expect(demoUsers).toHaveLength(demoAccounts.length);
      const shiyan = await testDb().deal.findUniqueOrThrow({ where: { slug: 'shiyan-2003-2050' } });
      expect(shiyan).toMatchObject({ startYear: 2003, endYear: 2050, unit: 1000 });
      // A real negotiation at once: the upstream history of three versions and a downstream counter.
      const scenarios = await testDb().scenario.findMany({ where: { dealId: shiyan.id }, include: { versions: true }, orderBy: { side: 'asc' } });
      expect(scenarios.map((s) => [s.side, s.versions.length])).toEqual([
        ['UPSTREAM', 3],
        ['DOWNSTREAM', 1],
      ]);
      expect(scenarios[1]!.forkedFromVersionId).toBe(scenarios[0]!.versions.find((v) => v.number === 3)!.id);
      const chain = await verifyAuditChains(testDb());
      expect(chain.broken.filter((link) => link.chain === shiyan.id)).toEqual([]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
