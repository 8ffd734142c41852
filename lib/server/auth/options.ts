import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { sessionAbsoluteSeconds } from '@/lib/domain/session-policy';
import { requestOrigin } from './request-origin';
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
    jwt({ token, user }) {
      if (user) {
        const now = Math.floor(Date.now() / 1000);
        token.sub = user.id;
        token.authTime = now;
        token.lastSeen = now;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.sub ?? '', name: token.name ?? null, email: token.email ?? null };
      return session;
    },
  },
};
