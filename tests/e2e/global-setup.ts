// Serves the production build on a fresh database with demo data, for the Chromium tests.
import type { TestProject } from 'vitest/node';
import { ensureProductionBuild, startDemoServer } from '../../lib/infra/demo-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  ensureProductionBuild('e2e');
  const server = await startDemoServer('e2e');
  project.provide('baseUrl', server.baseUrl);
  project.provide('e2eDatabaseUrl', server.databaseUrl);
  return server.stop;
}
