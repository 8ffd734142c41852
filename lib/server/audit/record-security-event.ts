import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { appendAuditEvent } from './append-audit-event';

export type SecurityAction = 'auth.sign_in' | 'auth.sign_in_failed' | 'auth.sign_in_blocked' | 'access.refused';

export interface RequestOrigin {
  ip: string;
  userAgent: string | null;
}

/**
 * Sign-ins and refused access: not part of a deal change, so each is its own transaction, on the
 * platform chain (a stranger's probe of a deal is not shown on that deal's activity page).
 */
export async function recordSecurityEvent(input: {
  action: SecurityAction;
  origin: RequestOrigin;
  actorId?: string | null;
  email?: string | null;
  object?: { type: string; id: string } | null;
  detail?: Prisma.InputJsonValue;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const actor = input.actorId ? await tx.user.findUnique({ where: { id: input.actorId }, include: { organisation: true } }) : null;
    await appendAuditEvent(tx, {
      action: input.action,
      origin: input.origin,
      actor: actor ? { id: actor.id, email: actor.email, organisation: actor.organisation } : null,
      email: input.email,
      object: input.object,
      summary: input.detail ?? null,
    });
  });
}
