// A PostgreSQL cluster of the test's own, so it can be stopped and started while the app runs
// without touching the machine's shared server. PostgreSQL refuses to run as root; when the tests
// run as root, every server binary runs as the `postgres` user through runuser.
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../lib/infra/embedded-db';

export interface PrivatePostgres {
  url: string;
  port: number;
  dir: string;
  /** fast: clients are disconnected and the server shuts down cleanly; immediate: as after a crash (recovery from WAL on start). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  isRunning(): boolean;
  logTail(lines?: number): string;
  destroy(): Promise<void>;
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin; install postgresql or set PG_BIN.');
  return path.join(root, newest, 'bin');
}

const runningAsRoot = () => process.getuid?.() === 0;

// Asynchronous, so that the requests the test keeps firing are answered while the server stops and starts.
function run(bin: string, args: string[]): Promise<void> {
  const [command, commandArgs] = runningAsRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return new Promise((resolve, reject) => {
    execFile(command, commandArgs, { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(bin)} ${args.join(' ')} failed: ${error.message}\n${stderr}${stdout}`));
      else resolve();
    });
  });
}

export async function startPrivatePostgres(label: string): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), `pes-fault-${label}-`));
  if (runningAsRoot()) {
    const owner = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (owner.status !== 0) throw new Error('Running as root and there is no "postgres" user to run a private PostgreSQL as.');
    chownSync(dir, Number(owner.stdout.trim()), Number(group.stdout.trim()));
  }
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  await run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  const port = await freePort();
  // The socket lives in the cluster's own directory: nothing is shared with the system server.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  let running = false;
  const cluster: PrivatePostgres = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    dir,
    async start() {
      await run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
      running = true;
    },
    async stop(mode) {
      await run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    isRunning: () => running,
    logTail(lines = 30) {
      return existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-lines).join('\n') : '';
    },
    async destroy() {
      if (running) {
        try {
          await cluster.stop('immediate');
        } catch {
          // already gone; the directory is removed either way
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
