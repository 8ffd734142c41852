import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { endUserSessions } from './sessions';

/** "Sign out everywhere": ends every session of the actor, this one included, on every device and server. */
export async function signOutEverywhere({ actor, origin }: { actor: Actor; origin: RequestOrigin }): Promise<{ ended: number }> {
  return db().$transaction(async (tx) => {
    const ended = await endUserSessions(tx, actor.id, 'signed_out_everywhere');
    await appendAuditEvent(tx, { action: 'auth.signed_out_everywhere', origin, actor, object: { type: 'user', id: actor.id }, summary: { sessionsEnded: ended } });
    return { ended };
  });
}
