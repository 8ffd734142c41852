// Fault: `npm start` with DATABASE_URL pointing where no PostgreSQL answers. It must say which
// host:port it could not reach and what to do, exit non-zero, and do so quickly (no endless retry).
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../lib/infra/embedded-db';

const root = path.resolve(import.meta.dirname, '../..');
const limitMs = 30_000;

async function npmStart(databaseUrl: string): Promise<{ code: number | null; output: string; ms: number; killed: boolean }> {
  const started = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    // PORT points at a free port in case it got as far as serving; it must not.
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(await freePort()), NEXTAUTH_SECRET: 'fault-tests-secret-not-for-production-0123456789' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    process.kill(-child.pid!, 'SIGKILL');
  }, limitMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, output, ms: Date.now() - started, killed };
}

describe('npm start with the database unreachable', () => {
  const cases: { name: string; url: (port: number) => string; prepare?: () => Promise<{ port: number; close(): void }> }[] = [
    { name: 'a closed port', url: (port) => `postgresql://pes:not-shown-secret@127.0.0.1:${port}/pes` },
    {
      name: 'a port that accepts connections and never answers',
      url: (port) => `postgresql://pes:not-shown-secret@127.0.0.1:${port}/pes`,
      prepare: async () => {
        const sockets: net.Socket[] = [];
        const server = net.createServer((socket) => sockets.push(socket));
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        return {
          port: (server.address() as net.AddressInfo).port,
          close: () => {
            for (const socket of sockets) socket.destroy();
            server.close();
          },
        };
      },
    },
  ];

  for (const c of cases) {
    it(`exits non-zero within seconds, naming host:port and what to do (${c.name})`, async ({ task }) => {
      const listener = c.prepare ? await c.prepare() : null;
      const port = listener?.port ?? (await freePort());
      try {
        const run = await npmStart(c.url(port));
        (task.meta as { details?: unknown }).details = { exitCode: run.code, ms: run.ms, output: run.output.trim().split('\n').slice(-3).join('\n') };
        expect(run.killed, `still running after ${limitMs / 1000} s:\n${run.output}`).toBe(false);
        expect(run.code, run.output).not.toBe(0);
        expect(run.output).toContain(`127.0.0.1:${port}`);
        expect(run.output).toMatch(/Check DATABASE_URL/);
        expect(run.output, 'the password must not be printed').not.toContain('not-shown-secret');
        expect(run.output, 'no stack trace').not.toMatch(/\n\s+at /);
      } finally {
        listener?.close();
      }
    });
  }
});
