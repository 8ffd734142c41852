import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { isPlatformRole, type Actor } from '@/lib/domain/actor';
import { readSessionCookie, type SessionCookie } from '@/lib/infra/session-token';
import { db } from '@/lib/server/db';

/** Loads the acting user fresh from the database; a disabled, deleted or unknown-role user is nobody. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      amountUnit: true,
      disabled: true,
      organisation: { select: { id: true, name: true, nameZh: true, kind: true } },
    },
  });
  // Fail closed: a role this code does not know grants nothing.
  if (!user || user.disabled || !isPlatformRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, amountUnit: user.amountUnit, organisation: user.organisation };
}

/** The request's session cookie, read once per request; null without one. */
export const currentSession = cache(async (): Promise<SessionCookie | null> => readSessionCookie(await cookies()));

/**
 * The actor of the current request, or null: no session, a session past its idle or absolute
 * timeout, or a user who may no longer act. Roles are never taken from the session cookie.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  if (!session || session.state === 'idle' || session.state === 'expired') return null;
  return loadActor(session.userId);
});
