import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import { grants, type DealRight } from '@/lib/domain/deal-rights';
import { ForbiddenError, NotFoundError } from '@/lib/domain/errors';
import type { Tx } from '@/lib/server/audit/append-audit-event';
import { recordSecurityEvent, type RequestOrigin } from '@/lib/server/audit/record-security-event';
import { db } from '@/lib/server/db';

const ZId = z.uuid();

interface AccessRequest {
  actor: Actor;
  dealId: string;
  right: DealRight;
  origin: RequestOrigin;
}

async function findAccess(client: Tx, { actor, dealId, right }: AccessRequest) {
  // The membership is the query: a deal the actor is not a member of is never read.
  const membership = ZId.safeParse(dealId).success
    ? await client.dealMember.findFirst({ where: { dealId, userId: actor.id, user: { disabled: false } }, include: { deal: true } })
    : null;
  if (!membership) return { refused: new NotFoundError('deal'), status: 404 } as const;
  if (!grants(actor, membership, right)) return { refused: new ForbiddenError(right), status: 403 } as const;
  const { deal, ...member } = membership;
  return { access: { deal, membership: member } } as const;
}

export type DealAccess = { deal: NonNullable<Awaited<ReturnType<typeof findAccess>>['access']>['deal']; membership: NonNullable<Awaited<ReturnType<typeof findAccess>>['access']>['membership'] };

/**
 * The one gate to a deal. Not found and not a member are the same 404; a member without the
 * right gets 403 naming it. Every refusal is recorded on the audit trail.
 */
export async function requireDealAccess(request: AccessRequest): Promise<DealAccess> {
  const found = await findAccess(db(), request);
  if (found.access) return found.access;
  await recordSecurityEvent({
    action: 'access.refused',
    origin: request.origin,
    actorId: request.actor.id,
    object: { type: 'deal', id: request.dealId.slice(0, 64) },
    detail: { right: request.right, status: found.status },
  });
  throw found.refused;
}

/**
 * A change to a deal: the access is checked (and a refusal recorded) first, then checked again
 * inside the change's transaction with the membership row share-locked, so a member removed or
 * demoted meanwhile cannot complete it. The refusal is recorded outside the transaction: it must
 * survive the rollback, and the embedded database runs one transaction at a time.
 */
export async function inDealTransaction<T>(request: AccessRequest, change: (tx: Tx, access: DealAccess) => Promise<T>): Promise<T> {
  await requireDealAccess(request);
  return db().$transaction(async (tx) => {
    const found = await findAccess(tx, request);
    if (!found.access) throw found.refused;
    await tx.$queryRaw`SELECT 1 FROM "DealMember" WHERE id = ${found.access.membership.id}::uuid FOR SHARE`;
    return change(tx, found.access);
  });
}
