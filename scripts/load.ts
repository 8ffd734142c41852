// npm run load [-- --scale N] [--duration SECONDS] [--connections N] [--warmup SECONDS] [--keep] [--no-build]
//               [--think SECONDS] [--only ID,ID] [--cpu-prof DIR]
//
// The production build under load, on data of a realistic size:
//  1. builds the app when .next is missing or older than any source file (--no-build: use the
//     build there is, e.g. while someone else's half-finished change does not compile);
//  2. creates a fresh database: on DATABASE_URL's server, else on 127.0.0.1:5432 when it answers,
//     else an embedded in-memory one (lib/infra/scratch-database.ts), and migrates it;
//  3. seeds 20 deals, 200 users, 2,000 scenario versions, 500 offers and 50 agreements per unit of
//     scale (scripts/load-seed.ts), starts the production server (scripts/serve.mjs) on a free port, and signs in
//     50 users over HTTP;
//  4. drives each endpoint for --duration seconds from a second process (scripts/load-driver.ts),
//     sampling the server's RSS every 200 ms, twice: as --connections users who each send their
//     next request after a think time of --think seconds on average (1 s; the targets are judged
//     on this run), then as --connections connections that never pause (autocannon: the
//     capacity, how many requests a second the server can answer at all; --think 0 runs only this);
//  5. checks nothing was lost (versions and offers = seeded + every 201, audit chains, agreement
//     hashes), prints a table with PASS/FAIL against the targets and the change against the
//     previous run, and writes test-results/load/last.json (and scale-N.json).
//
// --only drives some endpoints (ids as in the catalogue below; the deal and version pages only when
// named) and --cpu-prof writes the server's V8 CPU profiles into DIR (open them in Chrome's
// DevTools) with phases.json, when each endpoint ran, for scripts/support/cpu-profile-summary.ts:
// both for finding what a request costs, so such runs replace neither last.json nor scale-N.json
// (they write partial.json).
//
// Exit 1 only on errors: transport errors or timeouts, 5xx answers, a crashed server, failed
// sign-ins, or a failed integrity check. Missed latency targets are reported, not fatal.
// Other engineers build into the same .next: run it as `flock /tmp/next-build.lock npm run load`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { auditKeyring } from '../lib/infra/audit-key';
import { freePort } from '../lib/infra/embedded-db';
import { spawnServer, stopProcessGroup } from '../lib/infra/next-process';
import type { DriverConfig, DriverMessage, DriverSession, EndpointId, EndpointRun } from './load-driver';
import type { LoadPlan, VerifyReport, WriteLedger } from './load-seed';
import { buildIfNeeded, freshDatabase, mb, RssSampler, runChild, seedArgs, signIn, waitForHttp, type BuildOutcome } from './support/production-run';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, 'test-results', 'load');

interface EndpointSpec {
  id: EndpointId;
  label: string;
  kind: 'read' | 'write';
  /** Driven only when named in --only: pages profiled against the floor (docs/decisions/0076), not the load targets. */
  onlyWhenNamed?: true;
}

const catalogue: EndpointSpec[] = [
  { id: 'deals-api', label: 'GET /api/v1/deals', kind: 'read' },
  { id: 'deals-page', label: 'GET /deals (page)', kind: 'read' },
  { id: 'deal-page', label: 'GET /deals/{id} (page)', kind: 'read', onlyWhenNamed: true },
  { id: 'version-page', label: 'GET /deals/{id}/versions/{vid} (page)', kind: 'read', onlyWhenNamed: true },
  { id: 'deal-overview', label: 'GET /api/v1/deals/{id}', kind: 'read' },
  { id: 'version-result', label: 'GET …/versions/{vid}?format=result', kind: 'read' },
  { id: 'bargaining-zone', label: 'GET …/bargaining-zone?versions=…', kind: 'read' },
  { id: 'save-version', label: 'POST …/scenarios/{sid}/versions', kind: 'write' },
  { id: 'post-offer', label: 'POST /api/v1/deals/{id}/offers', kind: 'write' },
];
const targetP95Ms = { read: 200, write: 500 } as const;

/** test-results/load/last.json and scale-N.json; read back by scripts/reliability-report.ts. */
export interface LoadResults {
  format: 'pes-load/1';
  ranAt: string;
  scale: number;
  database: string;
  embedded: boolean;
  machine: { cpus: number; node: string; loadAverageAtStart: number[] };
  data: LoadPlan['counts'] & { seedMs: number };
  build: BuildOutcome;
  signIn: { users: number; ms: number; failures: string[]; rateLimited: number };
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Mean think time of the paced users; null: only the capacity run. */
  thinkSeconds: number | null;
  endpoints: EndpointResult[];
  server: { peakRssMb: number | null; vmHwmMb: number | null; crashed: string | null };
  integrity: VerifyReport | null;
  errors: string[];
  ok: boolean;
}

export type EndpointResult = EndpointSpec & {
  available: boolean;
  note: string | null;
  targetP95Ms: number;
  /** On the paced run (50 users with think time) when there is one, else on the capacity run. */
  pass: boolean | null;
  peakRssMb: number | null;
  /** Connections that never pause: the capacity. */
  run: EndpointRun | null;
  /** Users with think time: what the targets are judged on. */
  paced: EndpointRun | null;
  warmupCreated: number;
};

async function signInAll(baseUrl: string, plan: LoadPlan): Promise<{ sessions: DriverSession[]; result: LoadResults['signIn'] }> {
  const started = Date.now();
  const sessions: DriverSession[] = [];
  const failures: string[] = [];
  let rateLimited = 0;
  // Five at a time: argon2 verification is deliberately slow, and this is not what is measured.
  for (let i = 0; i < plan.sessions.length; i += 5) {
    const batch = plan.sessions.slice(i, i + 5);
    const answers = await Promise.all(batch.map((s) => signIn(baseUrl, s.email, plan.password)));
    answers.forEach((answer, k) => {
      if ('cookie' in answer) sessions.push({ ...batch[k]!, cookie: answer.cookie });
      else {
        failures.push(answer.error);
        if (answer.rateLimited) rateLimited++;
      }
    });
  }
  return { sessions, result: { users: sessions.length, ms: Date.now() - started, failures, rateLimited } };
}

/** One request per read endpoint first: a route missing from the build is "not available", not an error storm. */
async function probe(baseUrl: string, session: DriverSession, id: EndpointId): Promise<{ available: boolean; note: string | null }> {
  const paths: Partial<Record<EndpointId, string>> = {
    'deals-api': '/api/v1/deals',
    'deals-page': '/deals',
    'deal-page': `/deals/${session.dealId}`,
    'version-page': `/deals/${session.dealId}/versions/${session.resultVersionId}`,
    'deal-overview': `/api/v1/deals/${session.dealId}`,
    'version-result': `/api/v1/deals/${session.dealId}/versions/${session.resultVersionId}?format=result`,
    'bargaining-zone': `/api/v1/deals/${session.dealId}/bargaining-zone?versions=${session.zoneVersionIds.join(',')}`,
  };
  const target = paths[id];
  if (!target) return { available: true, note: null };
  const response = await fetch(`${baseUrl}${target}`, { headers: { cookie: session.cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  // The API answers its own 404s in JSON; a route that is not in the build gets Next's HTML page.
  if (response.status === 404 && !json && target.startsWith('/api/')) return { available: false, note: 'not available (the route is not in this build)' };
  if (response.status >= 300) return { available: true, note: `probe answered ${response.status}` };
  return { available: true, note: null };
}

// ---------------------------------------------------------------------------------------------
// Driver

/** One stage of one endpoint on the monotonic clock V8's CPU profiles are timed by (µs), to cut a profile by endpoint. */
export interface PhaseWindow {
  id: EndpointId;
  stage: 'warmup' | 'measure' | 'paced';
  startUs: number;
  endUs?: number;
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

function drive(
  config: DriverConfig,
  sampler: RssSampler,
  phases: PhaseWindow[],
): Promise<{ runs: Map<EndpointId, EndpointRun>; warmups: Map<EndpointId, EndpointRun>; paced: Map<EndpointId, EndpointRun> }> {
  return new Promise((resolve, reject) => {
    const runs = new Map<EndpointId, EndpointRun>();
    const warmups = new Map<EndpointId, EndpointRun>();
    const paced = new Map<EndpointId, EndpointRun>();
    const driver: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'load-driver.ts')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let failure: string | null = null;
    driver.on('message', (message: DriverMessage) => {
      if (message.type === 'phase') {
        sampler.mark(`${message.id}:${message.stage}`);
        phases.push({ id: message.id, stage: message.stage, startUs: monotonicUs() });
        const label = catalogue.find((e) => e.id === message.id)!.label;
        if (message.stage === 'measure') process.stdout.write(`  ${label.padEnd(38)} capacity `);
        if (message.stage === 'paced') process.stdout.write(`; ${config.connections} users `);
      } else if (message.type === 'warmup') {
        phases.at(-1)!.endUs = monotonicUs();
        warmups.set(message.run.id, message.run);
      } else if (message.type === 'result' || message.type === 'paced') {
        sampler.mark('between');
        phases.at(-1)!.endUs = monotonicUs();
        (message.type === 'result' ? runs : paced).set(message.run.id, message.run);
        process.stdout.write(`${message.run.rps} req/s, p95 ${message.run.latencyMs.p95} ms`);
        if (message.type === 'paced' || config.thinkSeconds === null) process.stdout.write('\n');
      } else if (message.type === 'failed') failure = message.message;
    });
    driver.on('error', reject);
    driver.on('exit', (code) => (code === 0 ? resolve({ runs, warmups, paced }) : reject(new Error(`the load driver failed: ${failure ?? `exit ${code}`}`))));
    driver.send(config);
  });
}

// ---------------------------------------------------------------------------------------------
// Report

function readResults(file: string): LoadResults | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as LoadResults;
    return parsed.format === 'pes-load/1' ? parsed : null;
  } catch {
    return null;
  }
}

function change(before: number | null | undefined, after: number | null | undefined, unit: string): string {
  if (before === null || before === undefined || after === null || after === undefined) return '—';
  const pct = before === 0 ? '' : ` (${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(0)} %)`;
  return `${before}→${after}${unit}${pct}`;
}

function printTable(results: LoadResults, baseline: LoadResults | null, baselineName: string): void {
  const cols = ['endpoint', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', '409', '5xx', 'errors', 'peak RSS MB', 'target (p95)'];
  const widths = [38, 8, 8, 8, 8, 8, 6, 6, 7, 12, 22];
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join(' ');
  const table = (title: string, pick: (e: EndpointResult) => EndpointRun | null, judged: boolean) => {
    console.log(`\n${title}`);
    console.log(line(cols));
    for (const e of results.endpoints) {
      const r = pick(e);
      if (!r) {
        console.log(line([e.label, '—', '—', '—', '—', '—', '—', '—', '—', '—', e.note ?? 'not run']));
        continue;
      }
      const verdict = judged ? `≤ ${e.targetP95Ms} ms ${e.pass ? 'PASS' : 'FAIL'}` : '(capacity)';
      console.log(line([e.label, r.rps, r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.non2xx, r.conflicts, r.serverErrors, r.errors, e.peakRssMb ?? '—', verdict]));
    }
  };
  if (results.thinkSeconds !== null)
    table(`${results.connections} users, each thinking ${results.thinkSeconds} s on average between an answer and the next request (the targets):`, (e) => e.paced, true);
  table(`${results.connections} connections that never pause (the capacity):`, (e) => e.run, results.thinkSeconds === null);
  const errors = results.endpoints.reduce((n, e) => n + [e.run, e.paced].reduce((m, r) => m + (r ? r.errors + r.serverErrors : 0), 0), 0);
  console.log(line(['zero errors (transport, timeouts, 5xx)', '', '', '', '', '', '', '', errors, '', errors === 0 ? 'PASS' : 'FAIL']));
  console.log(`server peak RSS ${results.server.peakRssMb ?? '—'} MB (VmHWM ${results.server.vmHwmMb ?? '—'} MB)${results.server.crashed ? `; CRASHED: ${results.server.crashed}` : ''}`);

  if (baseline) {
    console.log(`\nChange against ${baselineName} (scale ${baseline.scale}, ${baseline.ranAt}):`);
    for (const e of results.endpoints) {
      const old = baseline.endpoints.find((b) => b.id === e.id);
      if (!e.run || !old?.run) {
        console.log(`  ${e.label.padEnd(38)} ${e.run ? 'not in the baseline' : (e.note ?? 'not run')}`);
        continue;
      }
      console.log(
        `  ${e.label.padEnd(38)} req/s ${change(old.run.rps, e.run.rps, '')}  p50 ${change(old.run.latencyMs.p50, e.run.latencyMs.p50, ' ms')}  p95 ${change(old.run.latencyMs.p95, e.run.latencyMs.p95, ' ms')}  p99 ${change(old.run.latencyMs.p99, e.run.latencyMs.p99, ' ms')}  RSS ${change(old.peakRssMb, e.peakRssMb, ' MB')}`,
      );
    }
    console.log(`  ${'server peak RSS'.padEnd(38)} ${change(baseline.server.peakRssMb, results.server.peakRssMb, ' MB')}`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      duration: { type: 'string', default: '15' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      only: { type: 'string' },
      'cpu-prof': { type: 'string' },
      think: { type: 'string', default: '1' },
    },
    strict: true,
  });
  const scale = Number(values.scale);
  const durationSeconds = Number(values.duration);
  const connections = Number(values.connections);
  const warmupSeconds = Number(values.warmup);
  const think = Number(values.think);
  const thinkSeconds = think > 0 ? think : null;
  const only =
    values.only
      ?.split(',')
      .map((id) => id.trim())
      .filter(Boolean) ?? null;
  const unknown = only?.filter((id) => !catalogue.some((spec) => spec.id === id)) ?? [];
  if (!Number.isInteger(scale) || scale < 1 || !(durationSeconds > 0) || !Number.isInteger(connections) || connections < 1 || !(warmupSeconds >= 0) || !(think >= 0) || unknown.length) {
    if (unknown.length) console.error(`--only: unknown endpoint ${unknown.join(', ')}; known: ${catalogue.map((spec) => spec.id).join(', ')}`);
    console.error('usage: npm run load [-- --scale N] [--duration SECONDS] [--connections N] [--warmup SECONDS] [--keep] [--no-build] [--think SECONDS] [--only ID,ID] [--cpu-prof DIR]');
    return 2;
  }
  const partial = Boolean(only || values['cpu-prof']);
  const cpuProfDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : null;
  mkdirSync(resultsDir, { recursive: true });
  const errors: string[] = [];
  const loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const build = buildIfNeeded(!values['no-build']);

  const database = await freshDatabase();
  console.log(`Fresh database: ${database.where}`);
  let server: ChildProcess | undefined;
  let stopping = false;
  let crashed: string | null = null;
  try {
    const planFile = path.join(resultsDir, `plan-scale-${scale}.json`);
    const childEnv = { ...process.env, DATABASE_URL: database.url, ...(database.embedded ? { DATABASE_POOL_MAX: '1' } : {}) };
    console.log(`Seeding scale ${scale}: ${20 * scale} deals, ${200 * scale} users, ${2000 * scale} versions, ${500 * scale} offers, ${50 * scale} agreements …`);
    await runChild([...seedArgs, 'seed', database.url, String(scale), planFile], childEnv);
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as LoadPlan;
    console.log(`Seeded in ${(plan.seedMs / 1000).toFixed(1)} s (${plan.counts.agreementsArchived} agreements archived, ${plan.counts.auditEvents} audit events).`);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const log = createWriteStream(path.join(resultsDir, 'server.log'));
    server = spawnServer({
      port,
      stdio: 'pipe',
      nodeArgs: cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: database.url,
        NEXTAUTH_URL: baseUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
        PES_DEMO: '',
        // The key the bulk seed hashed its audit chains with (this process's, generated under .data/).
        PES_AUDIT_KEY: auditKeyring().current.secret.toString('utf8'),
        PES_AUDIT_ANCHOR_LOG: path.join(resultsDir, 'audit-anchors.log'),
        ...(database.embedded ? { DATABASE_POOL_MAX: '1' } : {}),
      },
    });
    server.stdout?.pipe(log);
    server.on('exit', (code, signal) => {
      if (!stopping) crashed = signal ?? `exit ${code}`;
    });
    await waitForHttp(`${baseUrl}/login`, 60_000, () => crashed);
    const sampler = new RssSampler(server.pid!);
    sampler.start();

    const signedIn = await signInAll(baseUrl, plan);
    console.log(
      `Signed in ${signedIn.result.users} of ${plan.sessions.length} users over HTTP in ${(signedIn.result.ms / 1000).toFixed(1)} s (${signedIn.result.failures.length} failed, ${signedIn.result.rateLimited} rate-limited).`,
    );
    for (const failure of signedIn.result.failures) errors.push(`sign-in failed: ${failure}`);
    if (signedIn.sessions.length === 0) throw new Error('no session to drive the load with');

    const endpoints: EndpointResult[] = [];
    for (const spec of catalogue.filter((s) => (only ? only.includes(s.id) : !s.onlyWhenNamed))) {
      const { available, note } = await probe(baseUrl, signedIn.sessions[0]!, spec.id);
      endpoints.push({ ...spec, available, note, targetP95Ms: targetP95Ms[spec.kind], pass: null, peakRssMb: null, run: null, paced: null, warmupCreated: 0 });
    }
    console.log(
      `Driving each endpoint from a separate process: ${connections} connections that never pause for ${durationSeconds} s (after a ${warmupSeconds} s warm-up)` +
        (thinkSeconds === null ? ':' : `, then ${connections} users thinking ${thinkSeconds} s on average for ${durationSeconds} s:`),
    );
    const phases: PhaseWindow[] = [];
    const { runs, warmups, paced } = await drive(
      { baseUrl, connections, durationSeconds, warmupSeconds, thinkSeconds, endpoints: endpoints.filter((e) => e.available).map((e) => e.id), sessions: signedIn.sessions },
      sampler,
      phases,
    );
    // scripts/support/cpu-profile-summary.ts cuts the profiles by these windows.
    if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
    if (cpuProfDir) writeFileSync(path.join(cpuProfDir, 'phases.json'), `${JSON.stringify(phases, null, 2)}\n`);
    sampler.stop();
    for (const e of endpoints) {
      e.run = runs.get(e.id) ?? null;
      e.paced = paced.get(e.id) ?? null;
      e.warmupCreated = warmups.get(e.id)?.created ?? 0;
      e.peakRssMb = Math.max(mb(sampler.peaks.get(`${e.id}:measure`)) ?? 0, mb(sampler.peaks.get(`${e.id}:paced`)) ?? 0) || null;
      const judged = thinkSeconds === null ? e.run : e.paced;
      if (judged) e.pass = judged.latencyMs.p95 <= e.targetP95Ms;
      for (const [run, what] of [
        [e.run, 'capacity run'],
        [e.paced, 'paced users'],
      ] as const) {
        if (!run) continue;
        if (run.errors) errors.push(`${e.label} (${what}): ${run.errors} transport errors (${run.timeouts} timeouts)`);
        if (run.serverErrors) errors.push(`${e.label} (${what}): ${run.serverErrors} answers 5xx, e.g. ${run.sampleErrorBody ?? '(no body)'}`);
      }
      const warm = warmups.get(e.id);
      if (warm?.serverErrors) errors.push(`${e.label} (warm-up): ${warm.serverErrors} answers 5xx`);
    }

    // Nothing lost: every write the server confirmed (201) is a row, every chain holds, every
    // archived agreement still hashes. A write that timed out may or may not have landed: those
    // are the only rows allowed beyond the confirmed ones.
    const all = (id: EndpointId) => [runs.get(id), warmups.get(id), paced.get(id)].filter((r): r is EndpointRun => Boolean(r));
    const writes: WriteLedger = {
      versionIds: all('save-version').flatMap((r) => r.createdIds),
      offerIds: all('post-offer').flatMap((r) => r.createdIds),
      unconfirmed: {
        versions: all('save-version').reduce((n, r) => n + r.errors, 0),
        offers: all('post-offer').reduce((n, r) => n + r.errors, 0),
      },
    };
    const writesFile = path.join(resultsDir, `writes-scale-${scale}.json`);
    writeFileSync(writesFile, JSON.stringify(writes));
    const verifyFile = path.join(resultsDir, `verify-scale-${scale}.json`);
    if (crashed) errors.push(`the server crashed during the run (${crashed})`);
    let integrity: VerifyReport | null = null;
    try {
      await runChild([...seedArgs, 'verify', database.url, planFile, writesFile, verifyFile], childEnv);
      integrity = JSON.parse(readFileSync(verifyFile, 'utf8')) as VerifyReport;
      if (!integrity.ok) errors.push(`integrity check failed: ${JSON.stringify(integrity)}`);
    } catch (error) {
      errors.push(`integrity check could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
    // The ids were for the check; the results file keeps the figures.
    for (const e of endpoints) {
      if (e.run) e.run = { ...e.run, createdIds: [] };
      if (e.paced) e.paced = { ...e.paced, createdIds: [] };
    }
    rmSync(writesFile, { force: true });

    const results: LoadResults = {
      format: 'pes-load/1',
      ranAt: new Date().toISOString(),
      scale,
      database: database.where,
      embedded: database.embedded,
      machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart },
      data: { ...plan.counts, seedMs: plan.seedMs },
      build,
      signIn: signedIn.result,
      connections,
      durationSeconds,
      warmupSeconds,
      thinkSeconds,
      endpoints,
      server: { peakRssMb: mb(sampler.peakKb), vmHwmMb: mb(sampler.hwmKb), crashed },
      integrity,
      errors,
      ok: errors.length === 0,
    };

    const baselineName = scale === 1 ? 'the previous run (last.json)' : 'the 1× run (scale-1.json)';
    const baseline = readResults(path.join(resultsDir, scale === 1 ? 'last.json' : 'scale-1.json')) ?? (scale === 1 ? null : readResults(path.join(resultsDir, 'last.json')));
    printTable(results, baseline, baseline && scale !== 1 && baseline.scale !== 1 ? 'the previous run (last.json)' : baselineName);
    if (integrity) {
      console.log(
        `\nNothing lost: versions ${integrity.versions.found} (seeded + confirmed ${integrity.versions.expected}, ${integrity.versions.missing.length} confirmed missing, ${integrity.versions.unconfirmed} unanswered), ` +
          `offers ${integrity.offers.found} (${integrity.offers.expected}, ${integrity.offers.missing.length} missing, ${integrity.offers.unconfirmed} unanswered), ` +
          `${integrity.audit.chains} audit chains (${integrity.audit.events} events) ${integrity.audit.broken.length ? `BROKEN: ${JSON.stringify(integrity.audit.broken)}` : 'hold'}, ` +
          `${integrity.agreements.archived} archived agreements ${integrity.agreements.hashMismatches.length ? `with ${integrity.agreements.hashMismatches.length} hash mismatches` : 'hash as stored'}; ` +
          `sign-ins ${integrity.signIns.succeeded} ok, ${integrity.signIns.failed} failed, ${integrity.signIns.blocked} blocked → ${integrity.ok ? 'PASS' : 'FAIL'}`,
      );
    }
    for (const error of errors) console.error(`ERROR: ${error}`);
    const resultsFile = path.join(resultsDir, partial ? 'partial.json' : 'last.json');
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    // scale-N.json are the figures other runs and docs/reliability.md compare against: only a run
    // of every endpoint with the standard connections and duration replaces them.
    const standard = !partial && connections === 50 && durationSeconds === 15 && think === 1;
    if (standard) writeFileSync(path.join(resultsDir, `scale-${scale}.json`), `${JSON.stringify(results, null, 2)}\n`);
    rmSync(planFile, { force: true });
    console.log(
      `\nResults: ${path.relative(process.cwd(), resultsFile)}${standard ? ` and scale-${scale}.json` : ''}; server output in server.log.${cpuProfDir ? ` CPU profiles in ${path.relative(process.cwd(), cpuProfDir)}.` : ''}`,
    );
    return results.ok ? 0 : 1;
  } finally {
    if (server) {
      stopping = true;
      const exited = new Promise((resolve) => (server!.exitCode !== null || server!.signalCode !== null ? resolve(null) : server!.once('exit', resolve)));
      stopProcessGroup(server);
      const killer = setTimeout(() => stopProcessGroup(server!, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    if (values.keep && !database.embedded) console.log(`Kept the database: ${database.url}`);
    else await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
