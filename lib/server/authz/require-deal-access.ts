import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import { grants, type DealRight } from '@/lib/domain/deal-rights';
import { ForbiddenError, NotFoundError } from '@/lib/domain/errors';
import type { Tx } from '@/lib/server/transaction';
import { recordSecurityEvent } from '@/lib/server/audit/record-security-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';

const ZId = z.uuid();

interface AccessRequest {
  actor: Actor;
  dealId: string;
  right: DealRight;
  origin: RequestOrigin;
}

function readMembership(client: Tx, userId: string, dealId: string) {
  // The membership is the query: a deal the actor is not a member of is never read.
  return ZId.safeParse(dealId).success ? client.dealMember.findFirst({ where: { dealId, userId, user: { disabled: false } }, include: { deal: true } }) : Promise.resolve(null);
}

// A page asks several use cases for parts of one deal, each checking access: within one server
// render the membership is read once (React's cache; outside a render it is read every time).
const renderMembership = cache((userId: string, dealId: string) => readMembership(db(), userId, dealId));

async function findAccess(client: Tx | null, { actor, dealId, right }: AccessRequest) {
  const membership = await (client ? readMembership(client, actor.id, dealId) : renderMembership(actor.id, dealId));
  if (!membership) return { refused: new NotFoundError('deal'), status: 404 } as const;
  if (!grants(actor, membership, right)) return { refused: new ForbiddenError(right), status: 403 } as const;
  const { deal, ...member } = membership;
  return { access: { deal, membership: member } } as const;
}

type FoundAccess = NonNullable<Awaited<ReturnType<typeof findAccess>>['access']>;
export type DealAccess = { deal: FoundAccess['deal']; membership: FoundAccess['membership'] };

/** Every refusal goes on the audit trail, outside any transaction (it must survive the rollback). */
async function recordRefusal(request: AccessRequest, status: number) {
  await recordSecurityEvent({
    action: 'access.refused',
    origin: request.origin,
    actorId: request.actor.id,
    object: { type: 'deal', id: request.dealId.slice(0, 64) },
    detail: { right: request.right, status },
  });
}

/**
 * The one gate to a deal. Not found and not a member are the same 404; a member without the
 * right gets 403 naming it. Every refusal is recorded on the audit trail.
 */
export async function requireDealAccess(request: AccessRequest): Promise<DealAccess> {
  const found = await findAccess(null, request);
  if (found.access) return found.access;
  await recordRefusal(request, found.status);
  throw found.refused;
}

/**
 * A change to a deal: the membership row is share-locked first and the access checked after, inside
 * the change's transaction, so a member removed or demoted meanwhile cannot complete it: a change
 * to the row in flight is waited for, and one committed is read (each statement of a READ
 * COMMITTED transaction sees what was committed before it began; checking first and locking after
 * let a signature through on rights withdrawn in between). A refusal is recorded once the
 * transaction has rolled back: the record must survive the rollback, and the embedded database
 * runs one transaction at a time.
 */
export async function inDealTransaction<T>(request: AccessRequest, change: (tx: Tx, access: DealAccess) => Promise<T>): Promise<T> {
  let refusal: { refused: Error; status: number } | null = null;
  try {
    return await db().$transaction(async (tx) => {
      if (ZId.safeParse(request.dealId).success) {
        await tx.$queryRaw`SELECT 1 FROM "DealMember" WHERE "dealId" = ${request.dealId}::uuid AND "userId" = ${request.actor.id}::uuid FOR SHARE`;
      }
      const found = await findAccess(tx, request);
      if (!found.access) {
        refusal = found;
        throw found.refused;
      }
      return change(tx, found.access);
    });
  } catch (error) {
    const refused = refusal as { refused: Error; status: number } | null;
    if (refused && error === refused.refused) await recordRefusal(request, refused.status);
    throw error;
  }
}
