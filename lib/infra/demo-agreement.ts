// The demo's signed agreement is made through the use cases (scripts/seed-demo-agreement.ts),
// which run only where `server-only` resolves to nothing: in a process of their own with the
// react-server condition. Spawned asynchronously: the embedded database answers from this
// process's event loop, which a synchronous spawn would block.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Seeds the Miyun demo agreement into the database at `databaseUrl` (already holding the demo seed); once. */
export async function seedDemoAgreement(databaseUrl: string, env: Record<string, string> = {}): Promise<void> {
  const child = spawn('npx', ['tsx', '--conditions=react-server', path.join(root, 'scripts', 'seed-demo-agreement.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error('The demo agreement could not be seeded; see the output above.');
}
