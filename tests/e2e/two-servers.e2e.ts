// Several app servers on one database behave as one (docs/decisions/0063): a second server process
// is started on the suite's database, and the sign-in limits and session revocation are tried
// across both. Also the revocable session itself: sign-out ends every copy of the cookie, "sign
// out everywhere" from the header, and next-auth's session endpoint for a revoked session.
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../lib/infra/embedded-db';
import { spawnServer, stopProcessGroup } from '../../lib/infra/next-process';
import { createPrismaClient } from '../../lib/infra/prisma';
import { baseUrl, launch, signIn } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';

const prisma = createPrismaClient(inject('e2eDatabaseUrl'));
let second: ChildProcess;
let secondUrl: string;

async function answers(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (second.exitCode !== null) throw new Error(`the second server exited with code ${second.exitCode}`);
    try {
      if ((await fetch(url, { redirect: 'manual' })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the second server did not answer at ${url}`);
}

beforeAll(async () => {
  const port = await freePort();
  secondUrl = `http://localhost:${port}`;
  second = spawnServer({
    port,
    env: {
      ...process.env,
      DATABASE_URL: inject('e2eDatabaseUrl'),
      NEXTAUTH_URL: secondUrl,
      // The same secret and audit key as the first server (tests/e2e/global-setup.ts), as a load balancer's servers share them.
      NEXTAUTH_SECRET: 'e2e-secret-not-for-production-use-0123456789',
      PES_DEMO: '1',
      PES_WORKERS: '1',
      PES_AUDIT_ANCHOR_LOG: path.join(os.tmpdir(), `pes-audit-anchors-e2e-second-${port}.log`),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  await answers(`${secondUrl}/login`, Date.now() + 90_000);
}, 120_000);

afterAll(async () => {
  const exited = new Promise((resolve) => second.once('exit', resolve));
  stopProcessGroup(second);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await prisma.$disconnect();
});

async function freshUser() {
  const password = `Sessions-${randomUUID()}`;
  const email = `sessions-${randomUUID()}@pes.test`;
  const organisation = await prisma.organisation.findFirstOrThrow();
  await prisma.user.create({ data: { email, name: 'Session test', passwordHash: await hash(password), organisationId: organisation.id } });
  return { email, password };
}

async function attempt(base: string, email: string, password: string): Promise<'signed in' | 'rate limited' | 'refused'> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  if (answer.headers.getSetCookie().some((line) => line.includes('session-token='))) return 'signed in';
  return /rate_limited/.test(decodeURIComponent(answer.headers.get('location') ?? '') + (await answer.text())) ? 'rate limited' : 'refused';
}

/** The same cookie sent to another server, as a load balancer would. */
const me = (session: HttpSession, base: string) => fetch(`${base}/api/v1/me`, { headers: { Cookie: session.cookie } }).then((r) => r.status);
const sessionEndpoint = (session: HttpSession, base: string) => fetch(`${base}/api/auth/session`, { headers: { Cookie: session.cookie } }).then((r) => r.json());

async function signOutAt(session: HttpSession, base: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { Cookie: session.cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  await fetch(`${base}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: [session.cookie, csrfCookie].filter(Boolean).join('; ') },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
}

describe('two app servers on one database', () => {
  it('count sign-in failures together: wrong passwords on either server block the account on both', async () => {
    const { email, password } = await freshUser();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await attempt(i % 2 ? secondUrl : baseUrl(), email, `wrong-${i}`));
    expect(outcomes).toEqual(Array(5).fill('refused'));
    expect(await attempt(baseUrl(), email, password)).toBe('rate limited');
    expect(await attempt(secondUrl, email, password)).toBe('rate limited');
  });

  it('end a session signed out on one server on the other, for every copy of the cookie', async () => {
    const { email, password } = await freshUser();
    const session = await signInOverHttp(email, password);
    expect(await me(session, baseUrl())).toBe(200);
    expect(await me(session, secondUrl)).toBe(200);
    expect(await sessionEndpoint(session, secondUrl)).toMatchObject({ user: { email } });

    await signOutAt(session, baseUrl());
    // The copy of the cookie that the sign-out did not delete no longer reads or writes, anywhere.
    expect(await me(session, baseUrl())).toBe(401);
    expect(await me(session, secondUrl)).toBe(401);
    expect(await sessionEndpoint(session, secondUrl)).toEqual({});
    const page = await fetch(`${secondUrl}/deals`, { headers: { Cookie: session.cookie }, redirect: 'manual' });
    expect(page.status === 307 || page.status === 303 || (page.status === 200 && !(await page.text()).includes(email))).toBe(true);
  });

  it('end every session of a user signed out everywhere on the other server', async () => {
    const { email, password } = await freshUser();
    const [first, other] = [await signInOverHttp(email, password), await signInOverHttp(email, password, secondUrl)];
    expect(await me(first, secondUrl)).toBe(200);
    const ended = await other.request('/api/v1/me/sessions', { method: 'DELETE' });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ ended: 2 });
    expect(await me(first, baseUrl())).toBe(401);
    expect(await me(other, secondUrl)).toBe(401);
  });

  it('end a disabled user’s sessions on both, and enabling the user again revives none', async () => {
    const { email, password } = await freshUser();
    const session = await signInOverHttp(email, password, secondUrl);
    const admin = await signInOverHttp('admin@pes.demo', 'water-fund-demo-2026');
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect((await admin.json(`/api/v1/users/${user.id}`, 'PATCH', { disabled: true })).status).toBe(200);
    expect(await me(session, secondUrl)).toBe(401);
    expect((await admin.json(`/api/v1/users/${user.id}`, 'PATCH', { disabled: false })).status).toBe(200);
    expect(await me(session, secondUrl)).toBe(401);
    expect(await me(session, baseUrl())).toBe(401);
  });
});

describe('sign out everywhere from the header', () => {
  it('ends the browser’s session and a copy of the cookie elsewhere', async () => {
    const { email, password } = await freshUser();
    const elsewhere = await signInOverHttp(email, password, secondUrl);
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, email, password);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.getByTestId('sign-out-everywhere').click();
      await page.waitForURL((url) => url.pathname.startsWith('/login'));
      expect(await me(elsewhere, secondUrl)).toBe(401);
      expect(await prisma.authSession.count({ where: { user: { email }, revokedAt: null } })).toBe(0);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
