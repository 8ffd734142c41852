import 'server-only';
import type { Actor, Side } from '@/lib/domain/actor';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';

interface LatestRow {
  id: string;
  name: string;
  side: Side;
  versionId: string;
  number: number;
  message: string;
  author: string | null;
  createdAt: Date;
}

/**
 * Every scenario of the deal with only its latest version and that version's author, in one
 * query: what the deal page shows. listScenarios reads every version of every scenario and then
 * their authors, two round trips and a deal's whole history for one line per scenario
 * (docs/decisions/0076-where-request-time-goes.md). A scenario has a version from its creation;
 * one without would not be listed.
 */
export async function listLatestVersions({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }) {
  const { deal } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const rows = await db().$queryRaw<LatestRow[]>`
    SELECT s.id::text AS id, s.name, s.side::text AS side, v.id::text AS "versionId", v.number, v.message, u.name AS author, v."createdAt"
    FROM "Scenario" s
    JOIN LATERAL (SELECT sv.id, sv.number, sv.message, sv."authorId", sv."createdAt" FROM "ScenarioVersion" sv WHERE sv."scenarioId" = s.id ORDER BY sv.number DESC LIMIT 1) v ON true
    LEFT JOIN "User" u ON u.id = v."authorId"
    WHERE s."dealId" = ${deal.id}::uuid
    ORDER BY s.side, s."createdAt"`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    side: row.side,
    latest: { id: row.versionId, number: row.number, message: row.message, author: row.author ?? '—', createdAt: row.createdAt.toISOString() },
  }));
}
