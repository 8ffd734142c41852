import { describe, expect, it } from 'vitest';
import { setUserDisabled } from '../../lib/server/admin/set-user-disabled';
import { loadActor, loadSessionActor } from '../../lib/server/auth/current-actor';
import { authOptions } from '../../lib/server/auth/options';
import { endSession, startSession } from '../../lib/server/auth/sessions';
import { signOutEverywhere } from '../../lib/server/auth/sign-out-everywhere';
import { makeUser, testDb } from '../factories';

const origin = { ip: '203.0.113.40', userAgent: 'vitest sessions' };

/** What next-auth's session endpoint does with a cookie's token: the jwt callback, which throws for an ended session. */
async function sessionEndpointAccepts(token: Record<string, unknown>): Promise<boolean> {
  const jwt = authOptions.callbacks!.jwt!;
  try {
    await jwt({ token, account: null, user: undefined as never, trigger: undefined } as never);
    return true;
  } catch {
    return false;
  }
}

const tokenFor = (userId: string, sessionId: string) => {
  const now = Math.floor(Date.now() / 1000);
  return { sub: userId, sid: sessionId, authTime: now, lastSeen: now };
};

describe('revocable sessions', () => {
  it('ends a signed-out session for every copy of its cookie, and only that session', async () => {
    const user = await makeUser();
    const [laptop, phone] = [await startSession(user.id), await startSession(user.id)];
    expect(await loadSessionActor({ userId: user.id, sessionId: laptop })).toMatchObject({ id: user.id });
    expect(await sessionEndpointAccepts(tokenFor(user.id, laptop))).toBe(true);

    await endSession(laptop, 'signed_out');
    expect(await loadSessionActor({ userId: user.id, sessionId: laptop })).toBeNull();
    expect(await sessionEndpointAccepts(tokenFor(user.id, laptop))).toBe(false);
    expect(await loadSessionActor({ userId: user.id, sessionId: phone })).toMatchObject({ id: user.id });
    // A session id is not a key to another user's account.
    const other = await makeUser();
    expect(await loadSessionActor({ userId: other.id, sessionId: phone })).toBeNull();
  });

  it('signs out everywhere: every session of the user ends, and the audit trail says so', async () => {
    const user = await makeUser();
    const sessions = [await startSession(user.id), await startSession(user.id), await startSession(user.id)];
    const actor = (await loadActor(user.id))!;
    expect(await signOutEverywhere({ actor, origin })).toEqual({ ended: 3 });
    for (const sessionId of sessions) expect(await loadSessionActor({ userId: user.id, sessionId })).toBeNull();
    expect(await testDb().auditEvent.count({ where: { action: 'auth.signed_out_everywhere', actorId: user.id } })).toBe(1);
  });

  it('ends the sessions of a disabled user, and enabling the user again revives none of them', async () => {
    const admin = (await loadActor((await makeUser({ role: 'ADMIN' })).id))!;
    const user = await makeUser();
    const sessionId = await startSession(user.id);
    await setUserDisabled({ actor: admin, origin, userId: user.id, disabled: true });
    expect(await loadSessionActor({ userId: user.id, sessionId })).toBeNull();
    await setUserDisabled({ actor: admin, origin, userId: user.id, disabled: false });
    expect(await loadSessionActor({ userId: user.id, sessionId })).toBeNull();
    expect(await sessionEndpointAccepts(tokenFor(user.id, sessionId))).toBe(false);
    expect(await testDb().authSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ revokedReason: 'user_disabled' });
    // A new sign-in works as before.
    expect(await loadSessionActor({ userId: user.id, sessionId: await startSession(user.id) })).toMatchObject({ id: user.id });
  });

  it('has the database keep a revoked session revoked', async () => {
    const user = await makeUser();
    const sessionId = await startSession(user.id);
    await endSession(sessionId, 'signed_out');
    await expect(testDb().$executeRawUnsafe(`UPDATE "AuthSession" SET "revokedAt" = NULL WHERE id = '${sessionId}'`)).rejects.toThrow(/stays revoked/);
    const other = await makeUser();
    await expect(testDb().$executeRawUnsafe(`UPDATE "AuthSession" SET "userId" = '${other.id}' WHERE id = '${sessionId}'`)).rejects.toThrow(/fixed/);
  });

  it('refuses a session past its idle timeout at the session endpoint, and a token without a session id', async () => {
    const user = await makeUser();
    const sessionId = await startSession(user.id);
    const now = Math.floor(Date.now() / 1000);
    expect(await sessionEndpointAccepts({ ...tokenFor(user.id, sessionId), lastSeen: now - 31 * 60 })).toBe(false);
    expect(await sessionEndpointAccepts({ sub: user.id, authTime: now, lastSeen: now })).toBe(false);
    expect(await sessionEndpointAccepts({ ...tokenFor(user.id, 'not-a-uuid') })).toBe(false);
  });
});
