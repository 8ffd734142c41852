// npm run bench:floor [-- --duration SECONDS] [--warmup SECONDS] [--connections N] [--no-build]
//
// What a request costs the platform against what it costs Next.js itself, side by side on this
// machine. The floor is a bare Next.js app (bench/floor) with one dynamic page and one route
// handler that each run one query of the deals through the same Prisma client and driver. Both it
// and the production server (one worker) run on one fresh database seeded by the load seed, and
// autocannon drives each with --connections connections that never pause, after a warm-up. For
// each pair it prints requests per second, p50/p99, errors, the ratio to the floor and each
// process's peak RSS, and writes test-results/floor/last.json for the reliability report.
//
// Pairs: the floor's route handler against GET /api/v1/deals, the deal overview, a version's
// result and the bargaining zone; the floor's page against the /deals page, the deal page and a
// version page. Targets (issue 18): each pair at 50 % of the floor or more, zero errors, and the
// platform worker's peak RSS at most 1.2 × the bare app's. Exit 1 on errors, not on missed ratios.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { auditKeyring } from '../lib/infra/audit-key';
import { freePort } from '../lib/infra/embedded-db';
import { spawnServer, stopProcessGroup } from '../lib/infra/next-process';
import type { LoadPlan } from './load-seed';
import { buildIfNeeded, freshDatabase, mb, RssSampler, runChild, seedArgs, signIn, waitForHttp, type BuildOutcome } from './support/production-run';

const root = path.resolve(import.meta.dirname, '..');
const floorDir = path.join(root, 'bench', 'floor');
const resultsDir = path.join(root, 'test-results', 'floor');

// autocannon 9 ships no types; only what is used here is described.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; timeout: number; headers?: Record<string, string> },
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

type FloorKind = 'route' | 'page';

interface Run {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  peakRssMb: number | null;
}

export interface FloorPair {
  id: string;
  label: string;
  floor: FloorKind;
  platform: Run;
  floorRun: Run;
  ratio: number;
  pass: boolean;
}

/** test-results/floor/last.json; read back by scripts/reliability-report.ts. */
export interface FloorResults {
  format: 'pes-floor/1';
  ranAt: string;
  machine: { cpus: number; node: string; loadAverageAtStart: number[] };
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  build: { platform: BuildOutcome; floor: BuildOutcome };
  floor: Record<FloorKind, Run>;
  pairs: FloorPair[];
  rss: { platformWorkerMb: number | null; floorMb: number | null; ratio: number | null; pass: boolean | null };
  errors: string[];
}

const floorSources = ['app', 'deals-query.ts', 'next.config.mjs'];

function newestFloorSource(): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file);
    if (stat.isDirectory()) for (const entry of readdirSync(file)) visit(path.join(file, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of floorSources) visit(path.join(floorDir, source));
  return newest;
}

/** The bare app is built once, and again only when its own sources change. */
function buildFloor(allowed: boolean): BuildOutcome {
  const buildId = path.join(floorDir, '.next', 'BUILD_ID');
  if (existsSync(buildId) && (!allowed || statSync(buildId).mtimeMs > newestFloorSource())) return { built: false, reason: 'the bare app is built', ms: 0 };
  if (!allowed) throw new Error('--no-build, but the bare app is not built (bench/floor/.next/BUILD_ID)');
  console.log('Building the bare Next.js app (bench/floor) …');
  const started = Date.now();
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build', floorDir], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('`next build bench/floor` failed; see its output above.');
  return { built: true, reason: 'no build of the bare app yet, or its sources changed', ms: Date.now() - started };
}

function startFloor(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', floorDir, '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

function cannon(url: string, connections: number, seconds: number, headers: Record<string, string>): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, timeout: 10, headers }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function measure(what: string, url: string, options: { connections: number; seconds: number; warmup: number; headers: Record<string, string>; sampler: RssSampler }): Promise<Run> {
  process.stdout.write(`  ${what.padEnd(44)} `);
  if (options.warmup > 0) await cannon(url, options.connections, options.warmup, options.headers);
  options.sampler.mark(what);
  const result = await cannon(url, options.connections, options.seconds, options.headers);
  options.sampler.mark('between');
  const run: Run = {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // A run in which nothing was answered in time is a failure too, not a run without errors.
    errors: result.errors + result.timeouts + (result.requests.total === 0 ? 1 : 0),
    non2xx: result.non2xx,
    peakRssMb: mb(options.sampler.processPeaks.get(what)),
  };
  console.log(`${run.rps} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ${run.errors} errors, ${run.non2xx} non-2xx, peak RSS ${run.peakRssMb ?? '—'} MB`);
  return run;
}

function printTable(results: FloorResults): void {
  const cols = ['pair (platform vs floor)', 'req/s', 'floor', 'ratio', 'p50 ms', 'p99 ms', 'floor p99', 'errors', 'RSS MB', 'floor RSS', 'target ≥ 50 %'];
  const widths = [36, 7, 7, 7, 7, 7, 9, 7, 7, 9, 14];
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join(' ');
  console.log(`\n${results.connections} connections that never pause, ${results.durationSeconds} s each after a ${results.warmupSeconds} s warm-up, one worker each:`);
  console.log(line(cols));
  for (const pair of results.pairs) {
    const p = pair.platform;
    const f = pair.floorRun;
    console.log(
      line([pair.label, p.rps, f.rps, `${Math.round(pair.ratio * 100)} %`, p.p50Ms, p.p99Ms, f.p99Ms, p.errors + p.non2xx, p.peakRssMb ?? '—', f.peakRssMb ?? '—', pair.pass ? 'PASS' : 'FAIL']),
    );
  }
  const { rss } = results;
  console.log(
    `peak worker RSS: platform ${rss.platformWorkerMb ?? '—'} MB, bare app ${rss.floorMb ?? '—'} MB, ratio ${rss.ratio ?? '—'} (target ≤ 1.2: ${rss.pass === null ? '—' : rss.pass ? 'PASS' : 'FAIL'})`,
  );
  if (results.errors.length) console.log(`errors:\n  ${results.errors.join('\n  ')}`);
}

async function userIdOf(url: string, email: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const answer = await client.query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email]);
    if (!answer.rows[0]) throw new Error(`no user ${email} in the seeded database`);
    return answer.rows[0].id;
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      'no-build': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const seconds = Number(values.duration);
  const warmup = Number(values.warmup);
  const connections = Number(values.connections);
  if (!(seconds > 0) || !(warmup >= 0) || !Number.isInteger(connections) || connections < 1) {
    console.error('usage: npm run bench:floor [-- --duration SECONDS] [--warmup SECONDS] [--connections N] [--no-build]');
    return 2;
  }
  mkdirSync(resultsDir, { recursive: true });
  const loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const build = { platform: buildIfNeeded(!values['no-build']), floor: buildFloor(!values['no-build']) };
  const database = await freshDatabase();
  console.log(`Fresh database: ${database.where}`);
  const servers: ChildProcess[] = [];
  const errors: string[] = [];
  try {
    const planFile = path.join(resultsDir, 'plan.json');
    const childEnv = { ...process.env, DATABASE_URL: database.url, ...(database.embedded ? { DATABASE_POOL_MAX: '1' } : {}) };
    console.log('Seeding the load seed at scale 1 …');
    await runChild([...seedArgs, 'seed', database.url, '1', planFile], childEnv);
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as LoadPlan;
    const session = plan.sessions[0]!;

    const platformPort = await freePort();
    const floorPort = await freePort();
    const platformUrl = `http://127.0.0.1:${platformPort}`;
    const floorUrl = `http://127.0.0.1:${floorPort}`;
    // As in production: the audit key outside the database, anchors to a log of this run's own.
    const serverEnv = {
      ...childEnv,
      NODE_ENV: 'production' as const,
      NEXT_TELEMETRY_DISABLED: '1',
      PES_WORKERS: '1',
      PES_DEMO: '',
      PES_AUDIT_KEY: auditKeyring().current.secret.toString('utf8'),
      PES_AUDIT_ANCHOR_LOG: path.join(resultsDir, 'audit-anchors.log'),
    };
    const platform = spawnServer({ port: platformPort, stdio: 'pipe', env: { ...serverEnv, NEXTAUTH_URL: platformUrl, NEXTAUTH_SECRET: randomBytes(32).toString('base64url') } });
    const floor = startFloor(floorPort, serverEnv);
    servers.push(platform, floor);
    const exited = (child: ChildProcess) => () => (child.exitCode !== null || child.signalCode ? `exit ${child.exitCode ?? child.signalCode}` : null);
    await waitForHttp(`${platformUrl}/login`, 60_000, exited(platform));
    await waitForHttp(`${floorUrl}/deals`, 60_000, exited(floor));

    const signedIn = await signIn(platformUrl, session.email, plan.password);
    if (!('cookie' in signedIn)) throw new Error(`sign-in failed: ${signedIn.error}`);
    const headers = { cookie: signedIn.cookie };
    const userId = await userIdOf(database.url, session.email);

    const platformRss = new RssSampler(platform.pid!);
    const floorRss = new RssSampler(floor.pid!);
    platformRss.start();
    floorRss.start();
    const options = { connections, seconds, warmup };
    console.log(`Driving each with ${connections} connections for ${seconds} s after a ${warmup} s warm-up:`);
    const floorRuns: Record<FloorKind, Run> = {
      route: await measure('floor: route handler (one query)', `${floorUrl}/api/deals?user=${userId}`, { ...options, headers: {}, sampler: floorRss }),
      page: await measure('floor: dynamic page (one query)', `${floorUrl}/deals?user=${userId}`, { ...options, headers: {}, sampler: floorRss }),
    };
    const specs: { id: string; label: string; floor: FloorKind; path: string }[] = [
      { id: 'deals-api', label: 'GET /api/v1/deals', floor: 'route', path: '/api/v1/deals' },
      { id: 'deal-overview', label: 'GET /api/v1/deals/{id}', floor: 'route', path: `/api/v1/deals/${session.dealId}` },
      { id: 'version-result', label: 'GET …/versions/{vid}?format=result', floor: 'route', path: `/api/v1/deals/${session.dealId}/versions/${session.resultVersionId}?format=result` },
      { id: 'bargaining-zone', label: 'GET …/bargaining-zone', floor: 'route', path: `/api/v1/deals/${session.dealId}/bargaining-zone?versions=${session.zoneVersionIds.join(',')}` },
      { id: 'deals-page', label: 'GET /deals (page)', floor: 'page', path: '/deals' },
      { id: 'deal-page', label: 'GET /deals/{id} (page)', floor: 'page', path: `/deals/${session.dealId}` },
      { id: 'version-page', label: 'GET /deals/{id}/versions/{vid} (page)', floor: 'page', path: `/deals/${session.dealId}/versions/${session.resultVersionId}` },
    ];
    const pairs: FloorPair[] = [];
    for (const spec of specs) {
      const run = await measure(spec.label, `${platformUrl}${spec.path}`, { ...options, headers, sampler: platformRss });
      const floorRun = floorRuns[spec.floor];
      const ratio = floorRun.rps === 0 ? 0 : Math.round((run.rps / floorRun.rps) * 100) / 100;
      pairs.push({ id: spec.id, label: spec.label, floor: spec.floor, platform: run, floorRun, ratio, pass: ratio >= 0.5 && run.errors === 0 && run.non2xx === 0 });
      if (run.errors || run.non2xx) errors.push(`${spec.label}: ${run.errors} transport errors, ${run.non2xx} answers that were not 2xx`);
    }
    for (const [kind, run] of Object.entries(floorRuns)) if (run.errors || run.non2xx) errors.push(`floor ${kind}: ${run.errors} transport errors, ${run.non2xx} non-2xx`);
    platformRss.stop();
    floorRss.stop();
    const platformWorkerMb = Math.max(0, ...pairs.map((pair) => pair.platform.peakRssMb ?? 0)) || null;
    const floorMb = Math.max(floorRuns.route.peakRssMb ?? 0, floorRuns.page.peakRssMb ?? 0) || null;
    const rssRatio = platformWorkerMb && floorMb ? Math.round((platformWorkerMb / floorMb) * 100) / 100 : null;
    const results: FloorResults = {
      format: 'pes-floor/1',
      ranAt: new Date().toISOString(),
      machine: { cpus: os.availableParallelism(), node: process.version, loadAverageAtStart },
      connections,
      durationSeconds: seconds,
      warmupSeconds: warmup,
      build,
      floor: floorRuns,
      pairs,
      rss: { platformWorkerMb, floorMb, ratio: rssRatio, pass: rssRatio === null ? null : rssRatio <= 1.2 },
      errors,
    };
    writeFileSync(path.join(resultsDir, 'last.json'), JSON.stringify(results, null, 2));
    printTable(results);
    return errors.length ? 1 : 0;
  } finally {
    // The servers end before their database does, or their last queries fail loudly.
    await Promise.all(
      servers.map((server) => {
        const exited = server.exitCode !== null ? Promise.resolve() : new Promise((resolve) => server.once('exit', resolve));
        stopProcessGroup(server);
        return Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      }),
    );
    await database.drop();
  }
}

process.exitCode = await main();
