import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { endUserSessions } from '@/lib/server/auth/sessions';
import { db } from '@/lib/server/db';
import { text } from '@/lib/domain/local-text';

/**
 * Disabling takes effect on the user's next request: roles are re-read on every request, and the
 * user's sessions are ended, so that enabling the user again does not revive an old cookie.
 */
export async function setUserDisabled({ actor, origin, userId, disabled }: { actor: Actor; origin: RequestOrigin; userId: string; disabled: boolean }) {
  if (actor.role !== 'ADMIN') throw new ForbiddenError('administer', text('right.administerPlatform'));
  if (userId === actor.id) throw new ConflictError(text('problemLine', { field: 'userId', message: text('cannotDisableYourself') }));
  return db().$transaction(async (tx) => {
    const before = isId(userId) ? await tx.user.findUnique({ where: { id: userId } }) : null;
    if (!before) throw new NotFoundError('user');
    await tx.user.update({ where: { id: userId }, data: { disabled } });
    const sessionsEnded = disabled ? await endUserSessions(tx, userId, 'user_disabled') : 0;
    await appendAuditEvent(tx, {
      action: disabled ? 'user.disabled' : 'user.enabled',
      origin,
      actor,
      object: { type: 'user', id: userId },
      summary: { before: { disabled: before.disabled }, after: { disabled }, ...(disabled ? { sessionsEnded } : {}) },
    });
    return { id: userId, disabled };
  });
}
