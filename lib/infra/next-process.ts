import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Runs Next's own CLI under this Node, not through npx: a wrapper process would be the one that
 * receives the signal while the server behind it lives on. The server leads its own process
 * group so that stopping it stops every worker it started.
 */
export function spawnNext(args: string[], options: { env: NodeJS.ProcessEnv; stdio?: 'inherit' | 'pipe' }): ChildProcess {
  const nextCli = createRequire(import.meta.url).resolve('next/dist/bin/next');
  return spawn(process.execPath, [nextCli, ...args], {
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
