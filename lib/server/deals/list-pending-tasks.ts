import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { db } from '@/lib/server/db';

export interface PendingTasks {
  /** Offers sent to the actor's side, still open, that the actor may answer. */
  offersToAnswer: number;
  /** Agreements waiting for the actor's own signature. */
  agreementsToSign: number;
}

/**
 * What awaits the actor, per deal: the in-app notification of the deal list and deal page. Read
 * from the same rows the actions check, so a task disappears as soon as it is done by anyone.
 */
export async function listPendingTasks({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<Map<string, PendingTasks>> {
  const memberships = await db().dealMember.findMany({ where: { userId: actor.id, user: { disabled: false } }, select: { dealId: true, side: true, canEdit: true, canSign: true } });
  const tasks = new Map<string, PendingTasks>(memberships.map((m) => [m.dealId, { offersToAnswer: 0, agreementsToSign: 0 }]));
  const answering = memberships.filter((m) => m.canEdit && (m.side === 'UPSTREAM' || m.side === 'DOWNSTREAM'));
  if (answering.length) {
    const open = await db().offer.groupBy({
      by: ['dealId'],
      where: { status: 'SENT', validUntil: { gt: now }, OR: answering.map((m) => ({ dealId: m.dealId, toSide: m.side })) },
      _count: { _all: true },
    });
    for (const row of open) tasks.get(row.dealId)!.offersToAnswer = row._count._all;
  }
  // A designated signatory who has not signed a draft yet (and still holds the sign right).
  const signing = memberships.filter((m) => m.canSign).map((m) => m.dealId);
  if (signing.length) {
    const unsigned = await db().agreementSignatory.findMany({
      where: { userId: actor.id, signature: null, agreement: { status: 'DRAFT', dealId: { in: signing } } },
      select: { agreement: { select: { dealId: true } } },
    });
    for (const row of unsigned) tasks.get(row.agreement.dealId)!.agreementsToSign += 1;
  }
  return tasks;
}
