// The production build served as `npm start` serves it (scripts/serve.mjs) on a database the fault test controls, and HTTP
// sessions against it (the pattern of tests/e2e/http-session.ts, with the base URL passed in,
// because a fault test restarts the server).
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, stopProcessGroup } from '../../../lib/infra/next-process';

const root = path.resolve(import.meta.dirname, '../../..');
export const faultSecret = 'fault-tests-secret-not-for-production-0123456789';

export interface AppServer {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the server wrote, for the report when something goes wrong. */
  output(): string;
  exited(): boolean;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function waitForHttp(url: string, timeoutMs: number, accept: (status: number) => boolean = (s) => s < 500): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (accept(response.status)) return Date.now() - started;
    } catch {
      // not answering yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function startApp({ databaseUrl, port }: { databaseUrl: string; port: number }): Promise<AppServer> {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('no production build (.next/BUILD_ID); the global setup builds one');
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawnServer({
    port,
    stdio: 'pipe',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: faultSecret,
      NEXT_TELEMETRY_DISABLED: '1',
      PES_DEMO: '1',
      // The fault database is dropped afterwards: its anchors go to a log of its own, not to .data/.
      PES_AUDIT_ANCHOR_LOG: path.join(os.tmpdir(), `pes-audit-anchors-faults-${new URL(databaseUrl).pathname.slice(1)}.log`),
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: AppServer = {
    baseUrl,
    child,
    output: () => log.slice(-4000),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async kill(signal) {
      if (server.exited()) return;
      stopProcessGroup(child, signal);
      await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
  try {
    await waitForHttp(`${baseUrl}/login`, 60_000);
  } catch (error) {
    await server.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return server;
}

export interface Answer {
  status: number;
  /** 0 when there was no HTTP answer at all. */
  contentType: string;
  text: string;
  json: unknown;
  ms: number;
  networkError?: string;
  timedOut?: boolean;
}

export interface Session {
  cookie: string;
  send(baseUrl: string, path: string, method: string, body?: unknown, timeoutMs?: number): Promise<Answer>;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(';')[0]!);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signInResponse = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookiesOf(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const cookie = [...cookiesOf(csrf), ...cookiesOf(signInResponse)].join('; ');
  if (!cookie.includes('session-token')) throw new Error(`sign-in as ${email} failed (${signInResponse.status})`);
  return {
    cookie,
    // The base URL is per call: the session cookie stays valid across a server restart (same secret).
    async send(baseUrl, urlPath, method, body, timeoutMs = 30_000) {
      const started = Date.now();
      try {
        const response = await fetch(`${baseUrl}${urlPath}`, {
          method,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: { Cookie: cookie, Origin: baseUrl, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON: the caller reports it
        }
        return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json, ms: Date.now() - started };
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
        return { status: 0, contentType: '', text: '', json: null, ms: Date.now() - started, networkError: `${(error as Error).message}${cause}`, timedOut };
      }
    },
  };
}

/** A JSON error of the API's shape: { error: { code, message } } with a message worth reading. */
export function isClearJsonError(answer: Answer): boolean {
  const error = (answer.json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return answer.contentType.includes('application/json') && typeof error?.code === 'string' && typeof error.message === 'string' && error.message.length > 10;
}
