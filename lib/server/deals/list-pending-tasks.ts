import 'server-only';
import type { PendingTasks } from '@/lib/contracts/deals';
import type { Actor } from '@/lib/domain/actor';
import { db } from '@/lib/server/db';

interface PendingRow {
  dealId: string;
  offersToAnswer: number;
  agreementsToSign: number;
}

/**
 * What awaits the actor, per deal: the in-app notification of the deal list and deal page. Read
 * from the same rows the actions check, so a task disappears as soon as it is done by anyone. One
 * query for every deal of the actor (it is on every deal-list view): per membership, the open
 * offers sent to the member's side when the member may answer them (the edit right, upstream or
 * downstream), and the draft agreements waiting for this member's own signature when the member
 * still holds the sign right.
 */
export async function listPendingTasks({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<Map<string, PendingTasks>> {
  const rows = await db().$queryRaw<PendingRow[]>`
    SELECT m."dealId"::text AS "dealId",
      CASE WHEN m."canEdit" AND m.side IN ('UPSTREAM', 'DOWNSTREAM') THEN (
        SELECT count(*) FROM "Offer" o WHERE o."dealId" = m."dealId" AND o.status = 'SENT' AND o."validUntil" > ${now} AND o."toSide" = m.side
      ) ELSE 0 END::int AS "offersToAnswer",
      CASE WHEN m."canSign" THEN (
        SELECT count(*) FROM "AgreementSignatory" s JOIN "Agreement" a ON a.id = s."agreementId"
        WHERE s."userId" = m."userId" AND a."dealId" = m."dealId" AND a.status = 'DRAFT'
          AND NOT EXISTS (SELECT 1 FROM "AgreementSignature" g WHERE g."signatoryId" = s.id)
      ) ELSE 0 END::int AS "agreementsToSign"
    FROM "DealMember" m JOIN "User" u ON u.id = m."userId"
    WHERE m."userId" = ${actor.id}::uuid AND NOT u.disabled`;
  return new Map(rows.map((row) => [row.dealId, { offersToAnswer: row.offersToAnswer, agreementsToSign: row.agreementsToSign }]));
}
