import 'server-only';
import type { AuditSummaries } from '@/lib/domain/audit-summary';
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
type SecurityInput = {
  [A in SecurityAction]: { action: A; origin: RequestOrigin; actorId?: string | null; email?: string | null; object?: { type: string; id: string } | null; detail?: AuditSummaries[A] };
}[SecurityAction];

export async function recordSecurityEvent(input: SecurityInput): Promise<void> {
  await db().$transaction(async (tx) => {
    const actor = input.actorId ? await tx.user.findUnique({ where: { id: input.actorId }, include: { organisation: true } }) : null;
    const { detail, actorId: _, ...event } = input;
    await appendAuditEvent(tx, { ...event, actor: actor ? { id: actor.id, email: actor.email, organisation: actor.organisation } : null, summary: detail ?? null } as Parameters<typeof appendAuditEvent>[1]);
  });
}
