import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The production server as `npm start` runs it (scripts/serve.mjs: Next's handler in one worker
 * per core), run under this Node, not through npx: a wrapper process would be the one that
 * receives the signal while the server behind it lives on. The server leads its own process group
 * so that stopping it stops every worker it started.
 */
export function spawnServer(options: { port: number; host?: string; env: NodeJS.ProcessEnv; stdio?: 'inherit' | 'pipe'; nodeArgs?: string[] }): ChildProcess {
  return spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(root, 'scripts', 'serve.mjs'), '--port', String(options.port), '--host', options.host ?? '127.0.0.1'], {
    cwd: root,
    env: options.env,
    stdio: ['ignore', options.stdio ?? 'inherit', 'inherit'],
    detached: true,
  });
}

export function stopProcessGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}
