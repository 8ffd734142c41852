// The sign-in limits hold across the server's workers (scripts/serve.mjs): the counters live in the
// primary process, so a guesser whose attempts land on different workers is still stopped.
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from '../../lib/infra/prisma';
import { baseUrl } from './browser';

interface Answer {
  status: number;
  body: string;
  cookies: string[];
}

/** One request on a connection of its own (no keep-alive), so the cluster hands it to the next worker in turn. */
function request(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseUrl()), { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, cookies: (res.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]!) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Sign-in attempts that each take one request of their own: with a fresh connection per request
 * the cluster hands consecutive attempts to different workers.
 */
async function signInAttempts(forwardedFor: string) {
  const csrf = await request('/api/auth/csrf', { headers: { 'x-forwarded-for': forwardedFor } });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return async (email: string, password: string): Promise<string> => {
    const answer = await request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookies.join('; '), 'x-forwarded-for': forwardedFor },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
    });
    if (answer.cookies.some((cookie) => cookie.includes('session-token='))) return 'signed in';
    return /rate_limited/.test(answer.body) ? 'rate limited' : 'refused';
  };
}

describe('sign-in limits across workers', () => {
  it('blocks an account after five wrong passwords, even the right one, whichever worker answers', async () => {
    const prisma = createPrismaClient(inject('e2eDatabaseUrl'));
    const password = `Limits-${randomUUID()}`;
    const email = `limits-${randomUUID()}@pes.test`;
    try {
      const organisation = await prisma.organisation.findFirstOrThrow();
      await prisma.user.create({ data: { email, name: 'Limit test', passwordHash: await hash(password), organisationId: organisation.id } });
      // A client cannot choose the address that is counted: the server records the socket's.
      const claimed = '203.0.113.77';
      const attempt = await signInAttempts(claimed);
      expect(await attempt(email, password)).toBe('signed in');
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i++) outcomes.push(await attempt(email, `wrong-${i}`));
      expect(outcomes).toEqual(Array(5).fill('refused'));
      expect(await attempt(email, password)).toBe('rate limited');
      const recorded = await prisma.auditEvent.findMany({ where: { email }, select: { ip: true } });
      expect(recorded.length).toBeGreaterThan(0);
      expect(recorded.map((event) => event.ip)).not.toContain(claimed);
    } finally {
      await prisma.$disconnect();
    }
  });
});
