import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSessionCookie, sessionCookieName } from '../../lib/infra/session-token';

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
