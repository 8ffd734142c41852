// Migrations through the WebAssembly build of Prisma's schema engine, because `prisma migrate`
// downloads a native engine that these machines cannot fetch. applyMigrations keeps the standard
// `_prisma_migrations` table, so the stock `prisma migrate deploy` stays compatible where it runs.
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDb } from './embedded-db';

const root = path.resolve(import.meta.dirname, '../..');
export const schemaPath = path.join(root, 'prisma/schema.prisma');
export const migrationsDir = path.join(root, 'prisma/migrations');
const noFilter = { externalTables: [], externalEnums: [] };

function readSchema(): [string, string][] {
  return [[schemaPath, readFileSync(schemaPath, 'utf8')]];
}

function schemaFiles() {
  return readSchema().map(([file, content]) => ({ path: file, content }));
}

export function migrationList(): MigrationList {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const directories = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: `${file} is missing` },
        },
      };
    }),
  } as MigrationList;
}

// The package's entry imports the .wasm file as an ES module, which Node 20 cannot load; so the
// module is instantiated here with the package's own JavaScript bindings as its imports.
let lastPanic: string | undefined;
let engineReady: Promise<typeof SchemaEngine> | undefined;
function loadEngine(): Promise<typeof SchemaEngine> {
  engineReady ??= (async () => {
    // The engine reports a Rust panic through this global before it throws.
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanic = message;
        if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
      },
    };
    const bindingsPath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    (engineBindings as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return engineBindings.SchemaEngine as unknown as typeof SchemaEngine;
  })();
  return engineReady;
}

// The engine describes a database through pg_catalog, whose internal "char" columns (OID 18, such
// as pg_constraint.contype) adapter-pg 7.10 refuses as an unsupported type, while the engine reads
// them as characters. So, for the engine's connections only, such a column reaches adapter-pg as
// text, its position is noted for the query under way, and its type is reported as Character.
const PG_CHAR = 18;
const PG_TEXT = 25;
const charColumnsOfQuery = new AsyncLocalStorage<number[]>();

function charAsText<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? [];
  fields.forEach((field, index) => {
    if (field.dataTypeID !== PG_CHAR) return;
    field.dataTypeID = PG_TEXT;
    charColumnsOfQuery.getStore()?.push(index);
  });
  return result;
}

// adapter-pg calls query(config) without a callback, on the pool and on clients checked out for
// transactions; both return promises, which is the only form patched here.
class CatalogClient extends pg.Client {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(charAsText) : result) as never;
  }
}

class CatalogPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(charAsText) : result) as never;
  }
}

type Queryable = Pick<SqlQueryable, 'queryRaw'>;

function withCharColumns<T extends Queryable>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === 'queryRaw') {
        return async (query: SqlQuery): Promise<SqlResultSet> => {
          const charColumns: number[] = [];
          const result = await charColumnsOfQuery.run(charColumns, () => target.queryRaw(query));
          for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
          return result;
        };
      }
      if (property === 'startTransaction' && typeof value === 'function') {
        return async (...args: unknown[]) => withCharColumns(await (value as (...a: unknown[]) => Promise<Transaction>).apply(target, args));
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

// adapter-pg 7.10 runs a migration script by splitting it on every ";", which breaks any
// function body (PL/pgSQL) and any comment containing one. The whole script goes to PostgreSQL
// as one simple-protocol query instead, which it runs as a single implicit transaction.
function withWholeScripts<T extends SqlDriverAdapter>(adapter: T, pool: pg.Pool): T {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'executeScript') {
        return async (script: string) => {
          try {
            await pool.query(script);
          } catch (error) {
            (target as unknown as { onError(e: unknown): never }).onError(error);
          }
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

function catalogAwareFactory(connectionString: string) {
  const pool = new CatalogPool({ connectionString, Client: CatalogClient, max: 2 });
  const factory = new PrismaPg(pool);
  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withWholeScripts(withCharColumns(await factory.connect()), pool),
    connectToShadowDb: async () => withCharColumns(await factory.connectToShadowDb()),
  };
  return { adapterFactory, pool };
}

export async function withEngine<T>(connectionString: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const logs: string[] = [];
  const { adapterFactory, pool } = catalogAwareFactory(connectionString);
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const Engine = await loadEngine();
  const engine = await Engine.new({ datamodels: readSchema() }, (log: string) => logs.push(log), adapter);
  try {
    return await run(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Applies every migration not yet applied; returns the names applied now. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  return withEngine(connectionString, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: migrationList(), filters: noFilter });
    return output.appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database built from the migrations folder to schema.prisma. Computed on a
 * throwaway in-memory database, so it needs no server and no shadow-database rights.
 */
export async function pendingSchemaSql(): Promise<string> {
  const scratch = await startEmbeddedDb();
  try {
    await applyMigrations(scratch.url);
    return await withEngine(scratch.url, async (engine) => {
      const result = await engine.diff({
        // With a driver adapter, "the schema's datasource" is the database the adapter reaches.
        from: { tag: 'schemaDatasource', files: schemaFiles(), configDir: root },
        to: { tag: 'schemaDatamodel', files: schemaFiles() },
        script: true,
        exitCode: null,
        filters: noFilter,
      });
      return (result.stdout ?? '').trim();
    });
  } finally {
    await scratch.stop();
  }
}

const emptyDiff = /^(-- This is an empty migration\.)?$/;

export function isEmptyDiff(sql: string): boolean {
  return emptyDiff.test(sql.trim());
}

export async function createMigration(name: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Migration name "${name}": use lower-case letters, digits and _`);
  const sql = await pendingSchemaSql();
  if (isEmptyDiff(sql)) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  if (!existsSync(lockPath)) {
    writeFileSync(lockPath, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  return dir;
}
