// Serves the production build on a fresh database with demo data, for the Chromium tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDemoServer } from './demo-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('e2e: no production build, running `next build` first');
    const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const server = await startDemoServer('e2e');
  project.provide('baseUrl', server.baseUrl);
  project.provide('e2eDatabaseUrl', server.databaseUrl);
  return () => server.stop();
}
