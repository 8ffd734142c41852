import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSessionCookie, refreshedSessionCookie, sessionCookieName } from '../../lib/infra/session-token';

const secret = 'unit-test-secret-unit-test-secret-0123456789';
const jar = (value: string) => ({ get: (name: string) => (name === sessionCookieName ? { value } : undefined), getAll: () => [{ name: sessionCookieName, value }] });
let saved: string | undefined;

beforeAll(() => {
  saved = process.env.NEXTAUTH_SECRET;
  process.env.NEXTAUTH_SECRET = secret;
});
afterAll(() => {
  process.env.NEXTAUTH_SECRET = saved;
});

describe('the session cookie, decrypted once per worker', () => {
  it('reads the same session again, and still ends it when it expires', async () => {
    const now = Math.floor(Date.now() / 1000);
    const value = await encode({ token: { sub: 'user-1', sid: 'session-1', authTime: now - 60, lastSeen: now - 60 }, secret, maxAge: 120 });
    const first = await readSessionCookie(jar(value), now);
    expect(first).toMatchObject({ userId: 'user-1', sessionId: 'session-1', state: 'valid' });
    expect(await readSessionCookie(jar(value), now + 1)).toMatchObject({ userId: 'user-1' });
    // Past the cookie's own expiry (and the 15 s tolerance) the kept token no longer counts.
    expect(await readSessionCookie(jar(value), now + 120 + 16)).toBeNull();
  });

  it('refuses a cookie that does not decrypt, however often it is sent', async () => {
    const now = Math.floor(Date.now() / 1000);
    const value = await encode({ token: { sub: 'user-2', sid: 'session-2', authTime: now, lastSeen: now }, secret, maxAge: 120 });
    const tampered = `${value.slice(0, -4)}AAAA`;
    expect(await readSessionCookie(jar(tampered), now)).toBeNull();
    expect(await readSessionCookie(jar(tampered), now)).toBeNull();
    expect(await readSessionCookie(jar(value), now)).toMatchObject({ userId: 'user-2' });
  });

  it('is no session without the id of its session record (a cookie from before sessions were recorded)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const value = await encode({ token: { sub: 'user-3', authTime: now, lastSeen: now }, secret, maxAge: 120 });
    expect(await readSessionCookie(jar(value), now)).toBeNull();
  });
});

describe('the rewritten cookie (last seen), made once for a burst of requests', () => {
  it('gives the requests that still send the stale cookie the same rewritten one for half a minute, then a new one', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = { sub: 'user-4', sid: 'session-4', authTime: now - 600, lastSeen: now - 120 };
    const first = (await refreshedSessionCookie(token, now))!;
    expect((await readSessionCookie(jar(first.value), now))?.token.lastSeen).toBe(now);
    expect((await refreshedSessionCookie(token, now + 30))!.value).toBe(first.value);
    const later = (await refreshedSessionCookie(token, now + 31))!;
    expect(later.value).not.toBe(first.value);
    expect((await readSessionCookie(jar(later.value), now + 31))?.token.lastSeen).toBe(now + 31);
    // The cookie's lifetime still ends at the absolute timeout, counted from this request.
    expect(later.options.maxAge).toBe(12 * 60 * 60 - 600 - 31);
  });

  it('does not hand one session the cookie rewritten for another', async () => {
    const now = Math.floor(Date.now() / 1000);
    const a = (await refreshedSessionCookie({ sub: 'user-5', sid: 'session-5', authTime: now - 600, lastSeen: now - 120 }, now))!;
    const b = (await refreshedSessionCookie({ sub: 'user-6', sid: 'session-6', authTime: now - 600, lastSeen: now - 120 }, now))!;
    expect(a.value).not.toBe(b.value);
    expect((await readSessionCookie(jar(b.value), now))?.userId).toBe('user-6');
  });
});
