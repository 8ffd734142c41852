import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { sessionAbsoluteSeconds, sessionState } from '@/lib/domain/session-policy';
import { loadSessionActor } from './current-actor';
import { requestOrigin } from './request-origin';
import { endSession, startSession } from './sessions';
import { signIn } from './sign-in';

export const sessionMaxAgeSeconds = sessionAbsoluteSeconds;

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const result = await signIn({
          email: credentials?.email,
          password: credentials?.password,
          origin: requestOrigin(request?.headers),
        });
        // next-auth hands the thrown message to the sign-in form as `error`.
        if (!result.ok) throw new Error(result.reason === 'rate_limited' ? `rate_limited:${result.retryAfterSeconds}` : 'invalid');
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        token.sub = user.id;
        token.sid = await startSession(user.id);
        token.authTime = now;
        token.lastSeen = now;
        return token;
      }
      // next-auth's own session endpoint: a revoked, ended or foreign session answers nothing
      // (next-auth answers {} and clears the cookie when this throws).
      const live =
        typeof token.sub === 'string' &&
        typeof token.sid === 'string' &&
        !['idle', 'expired'].includes(sessionState(token, now)) &&
        (await loadSessionActor({ userId: token.sub, sessionId: token.sid }));
      if (!live) throw new Error('session ended');
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.sub ?? '', name: token.name ?? null, email: token.email ?? null };
      return session;
    },
  },
  events: {
    // Sign-out ends the session record, not only this browser's cookie: a copy of it is refused too.
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endSession(token.sid, 'signed_out');
    },
  },
  logger: {
    // A revoked session read through /api/auth/session is expected, not an error worth a stack trace.
    error(code, metadata) {
      if (code === 'JWT_SESSION_ERROR') return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};
