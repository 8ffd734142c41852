// The fault tests run the production build; build it once if there is none (callers hold
// /tmp/next-build.lock, as for every build and e2e run, because .next is shared).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export default function setup() {
  if (existsSync(path.join(root, '.next', 'BUILD_ID'))) return;
  console.log('faults: no production build, running `npm run build` first');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}
