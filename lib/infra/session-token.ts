import { LRUCache } from 'lru-cache';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { sessionAbsoluteSeconds, sessionRefreshSeconds, sessionState, type SessionState } from '@/lib/domain/session-policy';

// The session cookie next-auth writes at sign-in, read and kept here for the proxy (pages) and for
// the API's own gate (lib/server/http/api-route.ts). Reading it costs one decryption; next-auth's
// getServerSession would decrypt it again and re-encrypt it on every request
// (docs/decisions/0017-one-worker-per-core.md). Roles never come from it: only the user id and the
// id of its session record, which the server reads with the user on every request, so that a
// revoked session ends every copy of the cookie (docs/decisions/0061-revocable-sessions.md).

export const secureSessionCookie = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
export const sessionCookieName = `${secureSessionCookie ? '__Secure-' : ''}next-auth.session-token`;

export interface SessionCookie {
  userId: string;
  /** The AuthSession row the cookie belongs to. */
  sessionId: string;
  state: SessionState;
  token: JWT;
}

interface CookieReader {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
}

/** The cookie's value; next-auth splits a large token into name.0, name.1, … */
function cookieValue(cookies: CookieReader): string | undefined {
  const whole = cookies.get(sessionCookieName)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .filter((cookie) => cookie.name.startsWith(`${sessionCookieName}.`))
    .map((cookie) => ({ index: Number(cookie.name.slice(sessionCookieName.length + 1)), value: cookie.value }))
    .filter((chunk) => Number.isInteger(chunk.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((chunk) => chunk.value).join('') : undefined;
}

// A cookie decrypts to the same token every time, and a session sends the same cookie until it is
// rewritten (at most once a minute): each worker decrypts a cookie once, which saves a key
// derivation and a decryption on every other request (the proxy and the page each read it). Only
// cookies that decrypted are kept, keyed by the whole ciphertext; the expiry is checked on every
// read, with the same 15 s tolerance as the decryption's own check.
const decrypted = new LRUCache<string, JWT>({ max: 10_000 });
const clockToleranceSeconds = 15;

/** The session the request's cookie carries, or null when there is none or it does not decrypt. */
export async function readSessionCookie(cookies: CookieReader, nowSeconds = Math.floor(Date.now() / 1000)): Promise<SessionCookie | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  const value = cookieValue(cookies);
  if (!secret || !value) return null;
  let token = decrypted.get(value) ?? null;
  if (!token) {
    try {
      token = await decode({ token: value, secret });
    } catch {
      return null;
    }
    if (token) decrypted.set(value, token);
  }
  if (typeof token?.exp === 'number' && token.exp < nowSeconds - clockToleranceSeconds) return null;
  // A cookie without a session record (from before sessions were recorded, or forged) is no session.
  if (!token?.sub || typeof token.sid !== 'string') return null;
  return { userId: token.sub, sessionId: token.sid, state: sessionState(token, nowSeconds), token };
}

// A client that sends requests in parallel, or keeps sending the cookie it had, sends the same
// stale cookie many times before the rewritten one replaces it: each would derive a key and
// encrypt a new cookie (a few per cent of an API request's time under load, docs/decisions/0076).
// The cookie rewritten for a session's last-seen time is reused for half the rewrite interval, so
// the last-seen time it carries stays within that interval of the request, as it does anyway.
// Revocation is untouched: every request still reads the session record.
const rewritten = new LRUCache<string, { value: string; lastSeen: number }>({ max: 10_000 });
const rewriteReuseSeconds = sessionRefreshSeconds / 2;

/** The cookie that carries the same session with this request as its last one (the idle timeout). */
export async function refreshedSessionCookie(token: JWT, nowSeconds = Math.floor(Date.now() / 1000)) {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const remaining = sessionAbsoluteSeconds - (nowSeconds - (token.authTime as number));
  const key = `${String(token.sub)}:${String(token.sid)}:${String(token.lastSeen)}`;
  let kept = rewritten.get(key);
  if (!kept || nowSeconds - kept.lastSeen > rewriteReuseSeconds || nowSeconds < kept.lastSeen) {
    kept = { value: await encode({ token: { ...token, lastSeen: nowSeconds }, secret, maxAge: remaining }), lastSeen: nowSeconds };
    rewritten.set(key, kept);
  }
  return { name: sessionCookieName, value: kept.value, options: { httpOnly: true, sameSite: 'lax' as const, secure: secureSessionCookie, path: '/', maxAge: remaining } };
}
