// What the benchmarks that run the production build share (npm run load, npm run bench:floor): a
// build when the sources are newer, a fresh database, the load seed, waiting for the server, its
// RSS over time, and signing in over HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeTarget, ensureReachable } from '../../lib/infra/reachability';
import { createScratchDatabase, type ScratchDatabase } from '../../lib/infra/scratch-database';

const root = path.resolve(import.meta.dirname, '../..');
const localServer = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BuildOutcome {
  built: boolean;
  reason: string;
  ms: number;
}

// ---------------------------------------------------------------------------------------------
// Build

const sourceDirs = ['app', 'components', 'lib', 'messages', 'i18n', 'types', 'public'];
const sourceFiles = ['proxy.ts', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

export function newestSource(): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const consider = (file: string) => {
    const mtimeMs = statSync(file).mtimeMs;
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // Tests are not part of the build; a test edited since would otherwise rebuild every time.
      else if (!/\.test\.tsx?$/.test(entry.name)) consider(full);
    }
  };
  for (const dir of sourceDirs) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of sourceFiles) if (existsSync(path.join(root, file))) consider(path.join(root, file));
  return newest;
}

/** As `npm start` does, plus a rebuild when a source file is newer than the build. */
export function buildIfNeeded(allowed: boolean): BuildOutcome {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  let reason: string | null = null;
  if (!existsSync(buildId)) {
    if (!allowed) throw new Error('--no-build, but there is no production build (.next/BUILD_ID)');
    reason = 'no production build yet';
  } else if (!allowed) return { built: false, reason: '--no-build: the existing build, whatever its age', ms: 0 };
  else {
    const newest = newestSource();
    if (newest.mtimeMs > statSync(buildId).mtimeMs) reason = `${path.relative(root, newest.file)} is newer than the build`;
  }
  if (!reason) return { built: false, reason: 'the build is newer than every source file', ms: 0 };
  console.log(`Building (${reason}): next build …`);
  const started = Date.now();
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error('`next build` failed; see its output above.');
  return { built: true, reason, ms: Date.now() - started };
}

// ---------------------------------------------------------------------------------------------
// Database, seed, server

export async function freshDatabase(): Promise<ScratchDatabase & { where: string }> {
  const configured = process.env.DATABASE_URL;
  let server = configured;
  if (!server) {
    try {
      await ensureReachable(localServer, 2_000);
      server = localServer;
    } catch {
      server = undefined;
    }
  }
  // createScratchDatabase picks the server from DATABASE_URL, or the embedded engine without it.
  if (server) process.env.DATABASE_URL = server;
  else delete process.env.DATABASE_URL;
  try {
    const database = await createScratchDatabase('load');
    const host = describeTarget(database.url).replace(/\/.*$/, '');
    return { ...database, where: database.embedded ? 'the embedded PostgreSQL (PGlite, in memory, one connection)' : `PostgreSQL at ${host} (a fresh database)` };
  } finally {
    if (configured) process.env.DATABASE_URL = configured;
    else delete process.env.DATABASE_URL;
  }
}

export function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${args.slice(-6).join(' ')} failed (${signal ?? `exit ${code}`})`))));
  });
}

// lib/server/agreements is 'server-only': the seed runs under the react-server condition.
export const seedArgs = ['--import', 'tsx', '--conditions=react-server', path.join('scripts', 'load-seed.ts')];

export async function waitForHttp(url: string, timeoutMs: number, crashed: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = crashed();
    if (why) throw new Error(`the server exited while starting (${why}); see the server's log`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ---------------------------------------------------------------------------------------------
// RSS of the server's process group, every 200 ms

export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private phase = 'start';
  readonly peaks = new Map<string, number>();
  /** The largest single process of the group in each phase: a worker, where the requests are served. */
  readonly processPeaks = new Map<string, number>();
  peakKb = 0;
  hwmKb = 0;
  available = existsSync('/proc/self/status');

  constructor(private readonly pgid: number) {}

  start(): void {
    if (!this.available) return;
    this.timer = setInterval(() => this.sample(), 200);
    this.sample();
  }

  mark(phase: string): void {
    this.sample();
    this.phase = phase;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    let rss = 0;
    for (const pid of this.members()) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        rss += own;
        this.processPeaks.set(this.phase, Math.max(this.processPeaks.get(this.phase) ?? 0, own));
        this.hwmKb = Math.max(this.hwmKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // The process ended between listing and reading.
      }
    }
    this.peakKb = Math.max(this.peakKb, rss);
    this.peaks.set(this.phase, Math.max(this.peaks.get(this.phase) ?? 0, rss));
  }

  /** Every process whose process group is the server's: the primary and the workers it forks. */
  private members(): number[] {
    const pids: number[] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) === this.pgid) pids.push(Number(name));
      } catch {
        // Gone already.
      }
    }
    return pids;
  }
}

export const mb = (kb: number | undefined) => (kb ? Math.round((kb / 1024) * 10) / 10 : null);

// ---------------------------------------------------------------------------------------------
// Sign-in over HTTP, as tests/e2e/http-session.ts does

export function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(';')[0]!);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<{ cookie: string } | { error: string; rateLimited: boolean }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookiesOf(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const cookie = [...cookiesOf(csrf), ...cookiesOf(response)].join('; ');
  if (cookie.includes('session-token')) return { cookie };
  const text = await response.text();
  return { error: `${email}: ${response.status} ${text.slice(0, 200)}`, rateLimited: /rate_limited/.test(text) };
}
