import { NextResponse, type NextRequest } from 'next/server';
import { readSessionCookie, refreshedSessionCookie, sessionCookieName } from '@/lib/infra/session-token';

// A first, cheap gate for pages: no live session, no page. It is not the authorisation check:
// every page and action re-reads the user from the database (lib/server). It also keeps the idle
// timeout, which next-auth's JWT sessions do not have: the cookie carries the time of the last
// request, rewritten here at most once a minute. The API is not routed through here: every
// /api/v1 route passes the same gate in apiRoute (lib/server/http/api-route.ts), which saves the
// proxy's cost on every call.
function refuse(request: NextRequest, reason: 'none' | 'ended') {
  const login = new URL('/login', request.url);
  const wanted = request.nextUrl.pathname + request.nextUrl.search;
  if (wanted !== '/') login.searchParams.set('callbackUrl', wanted);
  if (reason === 'ended') login.searchParams.set('error', 'SessionRequired');
  const response = NextResponse.redirect(login);
  if (reason === 'ended') response.cookies.delete(sessionCookieName);
  return response;
}

export async function proxy(request: NextRequest) {
  const session = await readSessionCookie(request.cookies);
  if (!session) return refuse(request, 'none');
  if (session.state === 'idle' || session.state === 'expired') return refuse(request, 'ended');
  const response = NextResponse.next();
  if (session.state === 'refresh') {
    const cookie = await refreshedSessionCookie(session.token);
    if (cookie) response.cookies.set(cookie.name, cookie.value, cookie.options);
  }
  return response;
}

export const config = {
  matcher: ['/((?!login|api/|_next/static|_next/image|favicon.ico|fonts/).*)'],
};
