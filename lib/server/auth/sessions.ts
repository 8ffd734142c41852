import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';

// The session records behind the session cookies (docs/decisions/0061-revocable-sessions.md).
// A revoked record stays revoked (a trigger refuses to clear revokedAt), so neither re-enabling a
// user nor replaying an old cookie brings a session back.

export type SessionEnd = 'signed_out' | 'signed_out_everywhere' | 'user_disabled';

/** A new session for a user who just signed in; its id goes into the cookie. */
export async function startSession(userId: string): Promise<string> {
  return (await db().authSession.create({ data: { userId }, select: { id: true } })).id;
}

/** Ends one session (sign-out): every copy of its cookie stops working on its next request. */
export async function endSession(sessionId: string, reason: SessionEnd): Promise<void> {
  await db().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
}

/** Ends every session of a user, inside the caller's transaction; returns how many were live. */
export async function endUserSessions(tx: Prisma.TransactionClient, userId: string, reason: SessionEnd): Promise<number> {
  const { count } = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  return count;
}
