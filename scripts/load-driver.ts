// The load generator of `npm run load`, in a process of its own (started by scripts/load.ts as
// `node --import tsx scripts/load-driver.ts` with an IPC channel), so that generating requests
// never competes with the server's event loop or with the orchestrator's sampling.
//
// It takes the signed-in sessions and runs autocannon once per endpoint: each connection is
// one session (its cookie, its deal, its own scenario), and every response's latency and status
// is recorded here, because autocannon's own histogram has no p95 and only counts 2xx latencies.
// At the end of a run each connection finishes the request it has in flight instead of being
// cut off (autocannon's own stop aborts them): an aborted write leaves its outcome unknown, and
// the orchestrator checks every write the server confirmed against the database.
import { createRequire } from 'node:module';
import type { ScheduleEntry } from '../lib/domain/offer-schedule';

export type EndpointId = 'deals-api' | 'deals-page' | 'deal-page' | 'version-page' | 'deal-overview' | 'version-result' | 'bargaining-zone' | 'save-version' | 'post-offer';

export interface DriverSession {
  email: string;
  cookie: string;
  dealId: string;
  scenarioId: string;
  baseVersionId: string;
  document: unknown;
  resultVersionId: string;
  zoneVersionIds: string[];
  offerVersionId: string;
  offerSchedule: ScheduleEntry[];
}

export interface DriverConfig {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Mean think time of a paced user between an answer and its next request; null: no paced run. */
  thinkSeconds: number | null;
  endpoints: EndpointId[];
  sessions: DriverSession[];
}

export interface EndpointRun {
  id: EndpointId;
  requests: number;
  seconds: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  statuses: Record<string, number>;
  non2xx: number;
  /** 409 answers: a stale base version, an expected outcome of concurrent saves. */
  conflicts: number;
  serverErrors: number;
  /** Connection errors and timeouts, as autocannon counts them. */
  errors: number;
  timeouts: number;
  created: number;
  /** The ids of what each 201 created (version or offer), for the "nothing lost" check. */
  createdIds: string[];
  sampleErrorBody: string | null;
}

export type DriverMessage =
  { type: 'phase'; id: EndpointId; stage: 'warmup' | 'measure' | 'paced' } | { type: 'warmup' | 'result' | 'paced'; run: EndpointRun } | { type: 'failed'; message: string } | { type: 'done' };

// autocannon 9 ships no types; only what is used here is described.
interface AutocannonClient {
  setRequests(requests: AutocannonRequest[]): void;
  /** Requests sent so far; with responseMax set, the client closes once it has that many answers. */
  reqsMade: number;
  responseMax?: number;
}
interface AutocannonRequest {
  setupRequest(request: Record<string, unknown>): Record<string, unknown>;
  onResponse?(status: number, body: string): void;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: AutocannonClient, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; timeout: number; setupClient(client: AutocannonClient): void },
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Built {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

interface EndpointDef {
  build(session: DriverSession, state: SessionState): Built;
  /** Returns the id of what a 201 created. */
  onResponse?(status: number, body: string, state: SessionState): string | undefined;
}

interface SessionState {
  base: string;
  edits: number;
}

type Doc = { costs: { values: Record<string, string> }[] };

/** One cell of the first cost line changes per save, as an edit in the workspace would. */
function edited(document: unknown, edit: number): unknown {
  const doc = structuredClone(document) as Doc;
  const values = doc.costs[0]!.values;
  const key = Object.keys(values)[0]!;
  values[key] = (BigInt(values[key]!.split('.')[0]!) + BigInt(edit)).toString();
  return doc;
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

const endpoints: Record<EndpointId, EndpointDef> = {
  'deals-api': { build: () => ({ method: 'GET', path: '/api/v1/deals' }) },
  'deals-page': { build: () => ({ method: 'GET', path: '/deals' }) },
  'deal-page': { build: (s) => ({ method: 'GET', path: `/deals/${s.dealId}` }) },
  'version-page': { build: (s) => ({ method: 'GET', path: `/deals/${s.dealId}/versions/${s.resultVersionId}` }) },
  'deal-overview': { build: (s) => ({ method: 'GET', path: `/api/v1/deals/${s.dealId}` }) },
  'version-result': { build: (s) => ({ method: 'GET', path: `/api/v1/deals/${s.dealId}/versions/${s.resultVersionId}?format=result` }) },
  'bargaining-zone': { build: (s) => ({ method: 'GET', path: `/api/v1/deals/${s.dealId}/bargaining-zone?versions=${s.zoneVersionIds.join(',')}` }) },
  'save-version': {
    build: (s, state) => ({
      method: 'POST',
      path: `/api/v1/deals/${s.dealId}/scenarios/${s.scenarioId}/versions`,
      body: JSON.stringify({ baseVersionId: state.base, document: edited(s.document, ++state.edits), message: `Load test: cost edit ${state.edits}` }),
    }),
    // The next save builds on what this one saved; after a conflict, on the version that won.
    onResponse(status, body, state) {
      if (status !== 201 && status !== 409) return undefined;
      const parsed = parse<{ versionId?: string; error?: { details?: { latest?: { id?: string } } } }>(body);
      const next = status === 201 ? parsed?.versionId : parsed?.error?.details?.latest?.id;
      if (next) state.base = next;
      return status === 201 ? parsed?.versionId : undefined;
    },
  },
  'post-offer': {
    build: (s) => ({ method: 'POST', path: `/api/v1/deals/${s.dealId}/offers`, body: JSON.stringify({ versionId: s.offerVersionId, schedule: s.offerSchedule, validUntil: inAWeek() }) }),
    onResponse: (status, body) => (status === 201 ? parse<{ id?: string }>(body)?.id : undefined),
  },
};

/** A body that is not JSON is only counted by its status. */
function parse<T>(body: string): T | undefined {
  try {
    return JSON.parse(body) as T;
  } catch {
    return undefined;
  }
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

async function runOnce(config: DriverConfig, id: EndpointId, states: SessionState[], connections: number, seconds: number): Promise<EndpointRun> {
  const def = endpoints[id];
  const url = new URL(config.baseUrl);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const createdIds: string[] = [];
  const clients: AutocannonClient[] = [];
  let next = 0;
  let answeredInTime = 0;
  let draining = false;
  let sampleErrorBody: string | null = null;
  const started = Date.now();
  // At the deadline every connection may finish its request in flight, then closes; autocannon's
  // own duration is only a backstop (a request times out after 10 s).
  const deadline = setTimeout(() => {
    draining = true;
    for (const client of clients) client.responseMax = Math.max(1, client.reqsMade);
  }, seconds * 1000);
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: url.origin,
        connections,
        duration: seconds + 30,
        timeout: 10,
        setupClient(client) {
          clients.push(client);
          // Connection n is session n: its cookie, its deal and its own scenario.
          const index = next++ % config.sessions.length;
          const session = config.sessions[index]!;
          const state = states[index]!;
          client.setRequests([
            {
              setupRequest(request) {
                const built = def.build(session, state);
                return {
                  ...request,
                  method: built.method,
                  path: built.path,
                  headers: { cookie: session.cookie, origin: config.baseUrl, accept: 'application/json, text/html', ...(built.body ? { 'content-type': 'application/json' } : {}) },
                  body: built.body ?? '',
                };
              },
              onResponse(status, body) {
                const id = def.onResponse?.(status, body, state);
                if (id) createdIds.push(id);
                if (status >= 500 && sampleErrorBody === null) sampleErrorBody = body.slice(0, 300);
              },
            },
          ]);
        },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!draining) answeredInTime++;
    });
  });
  clearTimeout(deadline);
  return summarise(id, { latencies, statuses, createdIds, sampleErrorBody, answeredInTime, seconds, elapsedMs: Date.now() - started, errors: result.errors, timeouts: result.timeouts });
}

interface Observed {
  latencies: number[];
  statuses: Record<string, number>;
  createdIds: string[];
  sampleErrorBody: string | null;
  answeredInTime: number;
  seconds: number;
  elapsedMs: number;
  errors: number;
  timeouts: number;
}

function summarise(id: EndpointId, o: Observed): EndpointRun {
  const sorted = Float64Array.from(o.latencies).sort();
  const count = (test: (status: number) => boolean) => Object.entries(o.statuses).reduce((sum, [status, n]) => sum + (test(Number(status)) ? n : 0), 0);
  return {
    id,
    requests: o.latencies.length,
    seconds: round(o.elapsedMs / 1000),
    // Throughput over the measured window; the drain's answers count in the latencies only.
    rps: round(o.answeredInTime / o.seconds),
    latencyMs: {
      p50: round(quantile(sorted, 0.5)),
      p95: round(quantile(sorted, 0.95)),
      p99: round(quantile(sorted, 0.99)),
      max: round(sorted.length ? sorted[sorted.length - 1]! : 0),
      mean: round(o.latencies.reduce((a, b) => a + b, 0) / Math.max(o.latencies.length, 1)),
    },
    statuses: o.statuses,
    non2xx: count((s) => s < 200 || s >= 300),
    conflicts: count((s) => s === 409),
    serverErrors: count((s) => s >= 500),
    errors: o.errors,
    timeouts: o.timeouts,
    created: count((s) => s === 201),
    createdIds: o.createdIds,
    sampleErrorBody: o.sampleErrorBody,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Users as people use the platform: each session sends a request, reads the answer, thinks, and
 * sends the next. Think times are uniform between half and one and a half times the mean, and
 * each user starts at a random moment of the first think time, so that the users are not in step
 * (a burst of every user at once is not what 50 people at their desks produce).
 */
async function runPaced(config: DriverConfig, id: EndpointId, states: SessionState[], users: number, seconds: number, thinkMs: number): Promise<EndpointRun> {
  const def = endpoints[id];
  const observed: Observed = { latencies: [], statuses: {}, createdIds: [], sampleErrorBody: null, answeredInTime: 0, seconds, elapsedMs: 0, errors: 0, timeouts: 0 };
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const user = async (index: number) => {
    const session = config.sessions[index % config.sessions.length]!;
    const state = states[index % config.sessions.length]!;
    await sleep(Math.random() * thinkMs);
    while (Date.now() < deadline) {
      const built = def.build(session, state);
      const sent = performance.now();
      try {
        const response = await fetch(`${config.baseUrl}${built.path}`, {
          method: built.method,
          headers: { cookie: session.cookie, origin: config.baseUrl, accept: 'application/json, text/html', ...(built.body ? { 'content-type': 'application/json' } : {}) },
          body: built.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(10_000),
        });
        const body = await response.text();
        observed.latencies.push(performance.now() - sent);
        observed.statuses[response.status] = (observed.statuses[response.status] ?? 0) + 1;
        if (Date.now() <= deadline) observed.answeredInTime++;
        const created = def.onResponse?.(response.status, body, state);
        if (created) observed.createdIds.push(created);
        if (response.status >= 500 && observed.sampleErrorBody === null) observed.sampleErrorBody = body.slice(0, 300);
      } catch (error) {
        observed.errors++;
        if (error instanceof Error && error.name === 'TimeoutError') observed.timeouts++;
      }
      await sleep(thinkMs * (0.5 + Math.random()));
    }
  };
  await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
  observed.elapsedMs = Date.now() - started;
  return summarise(id, observed);
}

function send(message: DriverMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

async function drive(config: DriverConfig): Promise<void> {
  const states: SessionState[] = config.sessions.map((s) => ({ base: s.baseVersionId, edits: 0 }));
  for (const id of config.endpoints) {
    if (config.warmupSeconds > 0) {
      await send({ type: 'phase', id, stage: 'warmup' });
      // Warm-up answers are not counted, but writes made in it are: they go into the totals
      // the orchestrator checks the database against.
      await send({ type: 'warmup', run: await runOnce(config, id, states, Math.min(10, config.connections), config.warmupSeconds) });
    }
    await send({ type: 'phase', id, stage: 'measure' });
    await send({ type: 'result', run: await runOnce(config, id, states, config.connections, config.durationSeconds) });
    if (config.thinkSeconds !== null) {
      await send({ type: 'phase', id, stage: 'paced' });
      await send({ type: 'paced', run: await runPaced(config, id, states, config.connections, config.durationSeconds, config.thinkSeconds * 1000) });
    }
  }
  await send({ type: 'done' });
}

if (!process.send) {
  console.error('load-driver.ts is started by scripts/load.ts (npm run load), with an IPC channel.');
  process.exit(2);
}
process.once('message', (config: DriverConfig) => {
  drive(config).then(
    () => process.exit(0),
    async (error: unknown) => {
      await send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
});
