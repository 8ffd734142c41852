import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/audit/record-security-event';
import { db } from '@/lib/server/db';
import { text } from '@/lib/domain/local-text';

/** Disabling takes effect on the user's next request: roles are re-read on every request. */
export async function setUserDisabled({ actor, origin, userId, disabled }: { actor: Actor; origin: RequestOrigin; userId: string; disabled: boolean }) {
  if (actor.role !== 'ADMIN') throw new ForbiddenError('administer', text('right.administerPlatform'));
  if (userId === actor.id) throw new ConflictError(text('problemLine', { field: 'userId', message: text('cannotDisableYourself') }));
  return db().$transaction(async (tx) => {
    const before = isId(userId) ? await tx.user.findUnique({ where: { id: userId } }) : null;
    if (!before) throw new NotFoundError('user');
    await tx.user.update({ where: { id: userId }, data: { disabled } });
    await appendAuditEvent(tx, { action: disabled ? 'user.disabled' : 'user.enabled', origin, actor, object: { type: 'user', id: userId }, summary: { before: { disabled: before.disabled }, after: { disabled } } });
    return { id: userId, disabled };
  });
}
