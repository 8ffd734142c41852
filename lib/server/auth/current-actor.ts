import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { isPlatformRole, type Actor } from '@/lib/domain/actor';
import { isId } from '@/lib/domain/ids';
import type { Prisma } from '@/lib/generated/prisma/client';
import { readSessionCookie, type SessionCookie } from '@/lib/infra/session-token';
import { db } from '@/lib/server/db';

const actorFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  amountUnit: true,
  disabled: true,
  organisation: { select: { id: true, name: true, nameZh: true, kind: true } },
} satisfies Prisma.UserSelect;

type ActorRow = Prisma.UserGetPayload<{ select: typeof actorFields }>;

function actorOf(user: ActorRow | null | undefined): Actor | null {
  // Fail closed: a role this code does not know grants nothing.
  if (!user || user.disabled || !isPlatformRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, amountUnit: user.amountUnit, organisation: user.organisation };
}

/** Loads the acting user fresh from the database; a disabled, deleted or unknown-role user is nobody. */
export async function loadActor(userId: string): Promise<Actor | null> {
  return actorOf(await db().user.findUnique({ where: { id: userId }, select: actorFields }));
}

/**
 * The user a session cookie acts for, read with its session record in one query (a primary-key
 * lookup joined to the user): nobody when the session was revoked (signed out, signed out
 * everywhere, user disabled) or belongs to someone else, or the user may no longer act.
 */
export async function loadSessionActor(session: Pick<SessionCookie, 'userId' | 'sessionId'>): Promise<Actor | null> {
  if (!isId(session.sessionId)) return null;
  const record = await db().authSession.findUnique({ where: { id: session.sessionId }, select: { userId: true, revokedAt: true, user: { select: actorFields } } });
  if (!record || record.revokedAt || record.userId !== session.userId) return null;
  return actorOf(record.user);
}

/** The request's session cookie, read once per request; null without one. */
export const currentSession = cache(async (): Promise<SessionCookie | null> => readSessionCookie(await cookies()));

/**
 * The actor of the current request, or null: no session, a session past its idle or absolute
 * timeout or revoked, or a user who may no longer act. Roles are never taken from the session cookie.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  if (!session || session.state === 'idle' || session.state === 'expired') return null;
  return loadSessionActor(session);
});
