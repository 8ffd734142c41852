import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { text } from '@/lib/domain/local-text';

/** Only a deal's managers may look a user up by e-mail, to invite them; nobody else learns who exists. */
export async function findInvitee({ actor, origin, dealId, email }: { actor: Actor; origin: RequestOrigin; dealId: string; email: string }) {
  await requireDealAccess({ actor, dealId, right: 'manage', origin });
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, disabled: true } });
  if (!user || user.disabled) throw new ValidationError(text('noActiveUserWithEmail'), 'email');
  return user.id;
}
