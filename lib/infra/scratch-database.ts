// A database of its own for each test run, load run or bench: a fresh, migrated database on the
// server DATABASE_URL names, or, without DATABASE_URL, a fresh in-memory embedded PostgreSQL.
// Never the demo installation's own data.
import pg from 'pg';
import { startEmbeddedDb } from './embedded-db';
import { applyMigrations } from './migrations';
import { ensureReachable } from './reachability';

export interface ScratchDatabase {
  url: string;
  embedded: boolean;
  drop(): Promise<void>;
}

export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDb();
    await applyMigrations(embedded.url);
    return { url: embedded.url, embedded: true, drop: () => embedded.stop() };
  }
  await ensureReachable(serverUrl);
  const name = `pes_${label}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    embedded: false,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
