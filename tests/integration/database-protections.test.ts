// Every protection SECURITY.md claims, checked on PostgreSQL: the test reads the table under "What
// the database refuses" and tries each refused statement on a stored row. It runs in a database of
// its own, so that a missing protection empties nothing another test file reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../lib/infra/scratch-database';

type Operation = 'UPDATE' | 'DELETE' | 'TRUNCATE';

function claims(): Map<string, Operation[]> {
  const security = readFileSync(path.join(import.meta.dirname, '../../SECURITY.md'), 'utf8');
  const section = security.split('## What the database refuses')[1]?.split('\n## ')[0] ?? '';
  const rows = [...section.matchAll(/^\| `(\w+)` \|([^|]*)\|/gm)];
  return new Map(rows.map(([, table, refused]) => [table!, (refused!.match(/UPDATE|DELETE|TRUNCATE/g) ?? []) as Operation[]]));
}

let database: ScratchDatabase;
let client: pg.Client;
const claimed = claims();

/** One row in the table, whatever its foreign keys and insert rules say (triggers off for this insert only). */
async function storeRow(table: string, values: Record<string, string> = {}): Promise<void> {
  const { rows: columns } = await client.query<{ column_name: string; data_type: string; udt_name: string }>(
    `SELECT column_name, data_type, udt_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL ORDER BY ordinal_position`,
    [table],
  );
  const literal = async ({ column_name: name, data_type: type, udt_name: udt }: (typeof columns)[number]): Promise<string> => {
    if (values[name]) return values[name]!;
    if (type === 'USER-DEFINED') return `(SELECT enumlabel::text FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = '${udt}' ORDER BY enumsortorder LIMIT 1)::"${udt}"`;
    const byType: Record<string, string> = {
      uuid: 'gen_random_uuid()',
      integer: '1',
      bigint: '1',
      numeric: '1',
      boolean: 'false',
      jsonb: `'{}'`,
      bytea: `'\\x00'`,
      date: 'current_date',
      'timestamp with time zone': 'now()',
      ARRAY: `'{}'`,
    };
    return byType[type] ?? `'p-' || gen_random_uuid()::text`;
  };
  const names = [...new Set([...columns.map((c) => c.column_name), ...Object.keys(values)])];
  const exprs = await Promise.all(names.map((name) => (columns.find((c) => c.column_name === name) ? literal(columns.find((c) => c.column_name === name)!) : Promise.resolve(values[name]!))));
  await client.query('BEGIN');
  await client.query('SET LOCAL session_replication_role = replica');
  await client.query(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${exprs.join(', ')})`);
  await client.query('COMMIT');
}

const count = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);

async function firstColumn(table: string): Promise<string> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position LIMIT 1`,
    [table],
  );
  return rows[0]!.column_name;
}

const statementFor = async (table: string, operation: Operation) => {
  if (operation === 'TRUNCATE') return `TRUNCATE "${table}" CASCADE`;
  if (operation === 'DELETE') return `DELETE FROM "${table}"`;
  const column = await firstColumn(table);
  return `UPDATE "${table}" SET "${column}" = "${column}"`;
};

beforeAll(async () => {
  database = await createScratchDatabase('protections');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe('what SECURITY.md says the database refuses', () => {
  it('lists every table that carries a trigger, and only tables that exist', async () => {
    const { rows } = await client.query<{ table: string }>(`SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal ORDER BY 1`);
    expect([...claimed.keys()].sort()).toEqual(rows.map((r) => r.table));
    for (const table of ['ScenarioVersion', 'VersionEvidence', 'Comment', 'EvidenceFile', 'AuditEvent']) expect(claimed.get(table)).toEqual(['UPDATE', 'DELETE', 'TRUNCATE']);
  });

  it.each([...claimed].filter(([, refused]) => refused.length > 0))('%s: refuses %j on a stored row, and the row stays', async (table, refused) => {
    await storeRow(table);
    for (const operation of refused) {
      await expect(client.query(await statementFor(table, operation)), `${operation} on ${table}`).rejects.toThrow(/refused|immutable|append-only/i);
      expect(await count(table), `${table} after ${operation}`).toBe(1);
    }
  });

  it("refuses a change of a scenario's deal or side once it has a version, and allows it before", async () => {
    const [dealA, dealB] = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of [dealA, dealB]) await storeRow('Deal', { id: `'${id}'` });
    const [withVersion, withoutVersion] = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of [withVersion, withoutVersion]) await storeRow('Scenario', { id: `'${id}'`, dealId: `'${dealA}'`, side: `'UPSTREAM'` });
    await storeRow('ScenarioVersion', { scenarioId: `'${withVersion}'` });

    await expect(client.query(`UPDATE "Scenario" SET "side" = 'DOWNSTREAM' WHERE id = $1`, [withVersion])).rejects.toThrow(/deal and side are fixed/);
    await expect(client.query(`UPDATE "Scenario" SET "dealId" = $2 WHERE id = $1`, [withVersion, dealB])).rejects.toThrow(/deal and side are fixed/);
    await client.query(`UPDATE "Scenario" SET "name" = 'renamed' WHERE id = $1`, [withVersion]);
    await client.query(`UPDATE "Scenario" SET "side" = 'DOWNSTREAM', "dealId" = $2 WHERE id = $1`, [withoutVersion, dealB]);
    const { rows } = await client.query<{ id: string; side: string; dealId: string; name: string }>(
      `SELECT id, side, "dealId", name FROM "Scenario" WHERE id = ANY($1::uuid[]) ORDER BY id = $2 DESC`,
      [[withVersion, withoutVersion], withVersion],
    );
    expect(rows).toEqual([
      { id: withVersion, side: 'UPSTREAM', dealId: dealA, name: 'renamed' },
      { id: withoutVersion, side: 'DOWNSTREAM', dealId: dealB, name: expect.any(String) },
    ]);
  });

  it('refuses TRUNCATE … CASCADE of what the history hangs on (deals, scenarios)', async () => {
    await storeRow('ScenarioVersion');
    for (const table of ['Scenario', 'Deal']) await expect(client.query(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/TRUNCATE refused/);
  });
});
