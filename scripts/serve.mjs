// The production server: `next start`'s request handler in one worker process per core (node:cluster),
// so that both cores of a small machine answer requests. `next start` runs one Node process, and one
// Node thread is where a loaded server spends its time (docs/decisions/0017-one-worker-per-core.md).
//
//   node scripts/serve.mjs --port 3000 [--host 127.0.0.1] [--workers N]
//
// PES_TRUST_PROXY=1 when a reverse proxy in front sets X-Forwarded-For (otherwise the client's
// address is the socket's, whatever the request claims). PES_WORKERS (or --workers) sets the
// number of workers; the default is the number of cores, and 1 with the embedded database, which
// serves one connection at a time (DATABASE_POOL_MAX=1). The primary only forks, restarts a worker
// that dies, and relays the sign-in rate-limit counters (lib/server/auth/rate-limit.ts keeps them
// in the primary so that every worker sees the same). It stops its workers on SIGTERM/SIGINT, and
// a worker whose primary is gone exits.
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { staticBrotli } from './static-brotli.mjs';

process.env.NODE_ENV ??= 'production';
const { values } = parseArgs({
  options: { port: { type: 'string', default: process.env.PORT ?? '3000' }, host: { type: 'string', default: '127.0.0.1' }, workers: { type: 'string' } },
  strict: true,
});
const port = Number(values.port);
const host = values.host;

function workerCount() {
  if (Number(process.env.DATABASE_POOL_MAX) === 1) return 1;
  const asked = Number(values.workers ?? process.env.PES_WORKERS);
  if (Number.isInteger(asked) && asked >= 1) return asked;
  return Math.max(1, os.availableParallelism());
}

if (cluster.isPrimary) {
  const { RateLimiterClusterMaster } = await import('rate-limiter-flexible');
  new RateLimiterClusterMaster();
  const count = workerCount();
  let stopping = false;
  const start = () => cluster.fork({ PES_CLUSTER_WORKER: '1' });
  for (let i = 0; i < count; i++) start();
  let ready = 0;
  cluster.on('message', (_worker, message) => {
    if (message?.type === 'pes-ready' && ++ready === count) console.log(`▲ Ready on http://${host}:${port} (${count} worker${count === 1 ? '' : 's'})`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    setTimeout(start, 500);
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const deadline = setTimeout(() => process.exit(0), 10_000);
    deadline.unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGTERM'));
} else {
  process.on('disconnect', () => process.exit(1));
  const { default: next } = await import('next');
  const appDir = path.resolve(import.meta.dirname, '..');
  const app = next({ dev: false, dir: appDir, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const { default: config } = await import(path.join(appDir, 'next.config.js'));
  const everyPath = ((await config.headers?.()) ?? []).filter((rule) => rule.source === '/:path*').flatMap((rule) => rule.headers);
  const brotliStatic = staticBrotli(appDir, everyPath);
  // The client's address is what the sign-in limits count and the audit trail records
  // (lib/server/auth/request-origin.ts reads X-Forwarded-For). Unless a reverse proxy in front
  // sets that header (PES_TRUST_PROXY=1), a client must not choose it: it is the socket's.
  const trustProxy = process.env.PES_TRUST_PROXY === '1';
  const server = createServer((request, response) => {
    if (!trustProxy) {
      request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? 'unknown';
      delete request.headers['x-real-ip'];
    }
    brotliStatic(request, response).then(
      (answered) => answered || handle(request, response),
      () => response.headersSent || handle(request, response),
    );
  });
  server.listen(port, host, () => process.send?.({ type: 'pes-ready' }));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
