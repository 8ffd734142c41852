import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { isPlatformRole, type Actor } from '@/lib/domain/actor';
import { db } from '@/lib/server/db';
import { authOptions } from './options';

/** Loads the acting user fresh from the database; a disabled, deleted or unknown-role user is nobody. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId }, include: { organisation: true } });
  // Fail closed: a role this code does not know grants nothing.
  if (!user || user.disabled || !isPlatformRole(user.role)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    organisation: {
      id: user.organisation.id,
      name: user.organisation.name,
      nameZh: user.organisation.nameZh,
      kind: user.organisation.kind,
    },
  };
}

/** The actor of the current request, or null. Roles are never taken from the session cookie. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  return userId ? loadActor(userId) : null;
});
