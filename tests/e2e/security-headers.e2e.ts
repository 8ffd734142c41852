import { describe, expect, inject, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl } from './browser';
import { signInOverHttp } from './http-session';

function csp(response: Response): Map<string, string> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+(.*)/s) as [string, string])
      .filter(([name]) => name),
  );
}

describe('response headers and cookies', () => {
  // The API's own, sandboxed policy is checked in hostile-inputs.e2e.ts.
  it.each(['/login', '/deals'])('%s carries the security headers', async (path) => {
    const response = await fetch(`${baseUrl()}${path}`, { redirect: 'manual' });
    const policy = csp(response);
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('script-src')).not.toContain('unsafe-eval');
    expect(policy.get('object-src')).toBe("'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('/api/v1/me carries the security headers with its own policy', async () => {
    const response = await fetch(`${baseUrl()}/api/v1/me`, { redirect: 'manual' });
    expect(csp(response).get('default-src')).toBe("'none'");
    expect(csp(response).has('sandbox')).toBe(true);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const session = await signInOverHttp('shiyan@pes.demo', demoPassword);
    expect(session.cookie).toContain('session-token');
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookies = csrf.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const signIn = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies },
      body: new URLSearchParams({ csrfToken, email: 'beijing@pes.demo', password: demoPassword, json: 'true' }),
    });
    const sessionCookie = signIn.headers.getSetCookie().find((line) => line.includes('session-token'));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
  });

  it('changes nothing on GET: sign-out and API mutations need POST/PATCH/DELETE', async () => {
    const session = await signInOverHttp('shiyan@pes.demo', demoPassword);
    // next-auth's GET /api/auth/signout only renders a confirmation page; the session survives.
    await session.request('/api/auth/signout');
    expect((await session.json('/api/v1/me')).status).toBe(200);
  });
});

describe('session timeouts', () => {
  const secret = 'e2e-secret-not-for-production-use-0123456789';
  async function cookieFor(times: { authTime: number; lastSeen: number }) {
    const { encode } = await import('next-auth/jwt');
    const prisma = (await import('../../lib/infra/prisma')).createPrismaClient(inject('e2eDatabaseUrl'));
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'shiyan@pes.demo' } });
    // A live session record, as a sign-in makes: only the times in the cookie are what is tried here.
    const session = await prisma.authSession.create({ data: { userId: user.id } });
    await prisma.$disconnect();
    return `next-auth.session-token=${await encode({ token: { sub: user.id, sid: session.id, email: user.email, ...times }, secret })}`;
  }
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a session in use and renews its last-seen time', async () => {
    const cookie = await cookieFor({ authTime: now() - 600, lastSeen: now() - 120 });
    const response = await fetch(`${baseUrl()}/api/v1/me`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().some((line) => line.startsWith('next-auth.session-token=') && /HttpOnly/i.test(line))).toBe(true);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const cookie = await cookieFor({ authTime: now() - 3600, lastSeen: now() - 31 * 60 });
    const api = await fetch(`${baseUrl()}/api/v1/me`, { headers: { Cookie: cookie } });
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(/session has ended/);
    // The dead cookie is cleared, not left to be sent again.
    expect(api.headers.getSetCookie().some((line) => line.startsWith('next-auth.session-token=;') || /next-auth\.session-token=.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i.test(line))).toBe(true);
    const page = await fetch(`${baseUrl()}/deals`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(page.headers.get('location')).toContain('error=SessionRequired');
  });

  it('ends a session 12 hours after sign-in however active', async () => {
    const cookie = await cookieFor({ authTime: now() - 12 * 3600 - 60, lastSeen: now() - 10 });
    expect((await fetch(`${baseUrl()}/api/v1/me`, { headers: { Cookie: cookie } })).status).toBe(401);
  });
});
