import { encode, getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { sessionAbsoluteSeconds, sessionState } from '@/lib/domain/session-policy';

// A first, cheap gate: no live session, no page and no API. It is not the authorisation check:
// every page, action and route re-reads the user from the database (lib/server). It also keeps
// the idle timeout, which next-auth's JWT sessions do not have: the cookie carries the time of
// the last request, rewritten here at most once a minute.
const secureCookie = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
const cookieName = `${secureCookie ? '__Secure-' : ''}next-auth.session-token`;

function refuse(request: NextRequest, reason: 'none' | 'ended') {
  const response = request.nextUrl.pathname.startsWith('/api/')
    ? NextResponse.json(
        { error: { code: 'unauthenticated', message: reason === 'ended' ? 'Your session has ended; sign in again.' : 'Sign in first: this API needs a session.' } },
        { status: 401 },
      )
    : (() => {
        const login = new URL('/login', request.url);
        const wanted = request.nextUrl.pathname + request.nextUrl.search;
        if (wanted !== '/') login.searchParams.set('callbackUrl', wanted);
        if (reason === 'ended') login.searchParams.set('error', 'SessionRequired');
        return NextResponse.redirect(login);
      })();
  if (reason === 'ended') response.cookies.delete(cookieName);
  return response;
}

export async function proxy(request: NextRequest) {
  const secret = process.env.NEXTAUTH_SECRET;
  const token = await getToken({ req: request, secret, secureCookie });
  if (!token?.sub) return refuse(request, 'none');
  const now = Math.floor(Date.now() / 1000);
  const state = sessionState(token, now);
  if (state === 'idle' || state === 'expired') return refuse(request, 'ended');
  const response = NextResponse.next();
  if (state === 'refresh' && secret) {
    const remaining = sessionAbsoluteSeconds - (now - (token.authTime as number));
    const value = await encode({ token: { ...token, lastSeen: now }, secret, maxAge: remaining });
    response.cookies.set(cookieName, value, { httpOnly: true, sameSite: 'lax', secure: secureCookie, path: '/', maxAge: remaining });
  }
  return response;
}

export const config = {
  matcher: ['/((?!login|api/auth|_next/static|_next/image|favicon.ico|fonts/).*)'],
};
