// Figures behind docs/decisions/0001-embedded-postgres.md: start-up, concurrency, row locks,
// transactions and persistence across restarts of the embedded PostgreSQL (PGlite + pglite-socket).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDb } from '../lib/infra/embedded-db';
import { applyMigrations } from '../lib/infra/migrations';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pes-measure-'));
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

let t0 = process.hrtime.bigint();
let db = await startEmbeddedDb({ dataDir: dir });
const coldStart = ms(t0);
t0 = process.hrtime.bigint();
await applyMigrations(db.url);
const migrate = ms(t0);

const pool = new pg.Pool({ connectionString: db.url, max: 10 });
await pool.query('create table probe (id int primary key, n int not null)');
await pool.query('insert into probe values (1, 0)');

// 10 connections, 200 increments each under SELECT … FOR UPDATE: no lost update allowed.
t0 = process.hrtime.bigint();
await Promise.all(
  Array.from({ length: 10 }, async () => {
    const client = await pool.connect();
    try {
      for (let i = 0; i < 200; i++) {
        await client.query('begin');
        const { rows } = await client.query<{ n: number }>('select n from probe where id = 1 for update');
        await client.query('update probe set n = $1 where id = 1', [rows[0]!.n + 1]);
        await client.query('commit');
      }
    } finally {
      client.release();
    }
  }),
);
const lockedTx = ms(t0);
const { rows } = await pool.query<{ n: number }>('select n from probe where id = 1');

// A failed transaction leaves nothing behind.
const client = await pool.connect();
await client.query('begin');
await client.query('insert into probe values (2, 2)');
await client.query('insert into probe values (2, 2)').catch(() => undefined);
await client.query('rollback');
client.release();
const afterRollback = (await pool.query('select count(*)::int as c from probe')).rows[0].c as number;

// 1000 simple reads over 10 connections.
t0 = process.hrtime.bigint();
await Promise.all(Array.from({ length: 1000 }, () => pool.query('select n from probe where id = 1')));
const reads = ms(t0);
await pool.end();
await db.stop();

t0 = process.hrtime.bigint();
db = await startEmbeddedDb({ dataDir: dir });
const warmStart = ms(t0);
const again = new pg.Client({ connectionString: db.url });
await again.connect();
const persisted = (await again.query<{ n: number }>('select n from probe where id = 1')).rows[0]!.n;
await again.end();
await db.stop();
rmSync(dir, { recursive: true, force: true });

console.table({
  'first start (new data dir), ms': coldStart.toFixed(0),
  'apply migrations, ms': migrate.toFixed(0),
  '10 × 200 locked read-modify-write transactions, ms': lockedTx.toFixed(0),
  'counter after them (want 2000)': rows[0]!.n,
  'rows after a rolled-back transaction (want 1)': afterRollback,
  '1000 reads over 10 connections, ms': reads.toFixed(0),
  'restart on existing data dir, ms': warmStart.toFixed(0),
  'counter after restart (want 2000)': persisted,
});
