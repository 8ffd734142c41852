import type { TestProject } from 'vitest/node';
import { createScratchDatabase } from '../../lib/infra/scratch-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseEmbedded: boolean;
  }
}

export default async function setup(project: TestProject) {
  const database = await createScratchDatabase('test');
  project.provide('databaseUrl', database.url);
  project.provide('databaseEmbedded', database.embedded);
  return async () => {
    await database.drop();
  };
}
