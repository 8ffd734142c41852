// Backup and restore, shared by `npm run db:backup` / `db:restore` and their test.
//
// A PostgreSQL server goes through pg_dump's custom format: pg_dump reads every table in one
// snapshot, so the audit chains, versions, offers and agreements in a backup agree with each
// other however busy the server was. pg_restore loads it in one transaction: a failed restore
// leaves the target as empty as it was. Table data is loaded before the post-data section
// (indexes, foreign keys, triggers), so the immutability triggers never see the restore's inserts.
//
// The embedded PGlite has no pg_dump of its own version; it is backed up with its own tarball of
// the data directory (dumpDataDir / loadDataDir), which is only consistent while nothing else
// has the directory open, so both refuse while the app is running.
//
// Every backup gets FILE.sha256 beside it, in sha256sum's format, and a restore checks it before
// it touches the target: a damaged or truncated file is refused, not half-restored.
import { PGlite } from '@electric-sql/pglite';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { describeTarget } from './reachability';

export type BackupKind = 'pg_dump' | 'pglite';

export class BackupError extends Error {}

export function checksumPath(file: string): string {
  return `${file}.sha256`;
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const digest = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => digest.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(digest.digest('hex')));
  });
}

/** Writes FILE.sha256 as `sha256sum` would, so `sha256sum -c FILE.sha256` checks it too. */
export async function writeChecksum(file: string): Promise<string> {
  const hex = await sha256OfFile(file);
  writeFileSync(checksumPath(file), `${hex}  ${path.basename(file)}\n`);
  return hex;
}

/**
 * Resolves with the file's SHA-256 when it matches FILE.sha256; rejects otherwise. Only the hash
 * is compared, not the file name in the checksum line, so a renamed pair still verifies.
 */
export async function verifyChecksum(file: string): Promise<string> {
  if (!existsSync(file)) throw new BackupError(`${file}: no such backup file`);
  const sumFile = checksumPath(file);
  if (!existsSync(sumFile)) throw new BackupError(`${sumFile} is missing: without its checksum the backup cannot be shown to be intact, so it is not restored`);
  const expected = readFileSync(sumFile, 'utf8').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!/^[0-9a-f]{64}$/.test(expected)) throw new BackupError(`${sumFile} does not hold a SHA-256 checksum`);
  const actual = await sha256OfFile(file);
  if (actual !== expected) {
    throw new BackupError(
      `checksum mismatch: ${path.basename(file)} has SHA-256 ${actual}, but ${path.basename(sumFile)} says ${expected}. The backup is damaged or incomplete; nothing was restored.`,
    );
  }
  return actual;
}

/** What made the file, from its first bytes: pg_dump's custom format or PGlite's gzipped tarball. */
export async function backupKindOf(file: string): Promise<BackupKind | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    return null;
  } finally {
    await handle.close();
  }
}

function stamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export function defaultBackupPath(root: string, kind: BackupKind, databaseUrl?: string): string {
  const name = kind === 'pg_dump' ? `pes-${databaseName(databaseUrl ?? '')}-${stamp()}.dump` : `pes-embedded-${stamp()}.tar.gz`;
  return path.join(root, '.data', 'backups', name);
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    return 'database';
  }
}

// libpq refuses URI parameters it does not know (Prisma-style `schema=`, `connection_limit=`),
// and a password on a command line is visible to every user of the machine in `ps`: the password
// goes to the child through PGPASSWORD instead, and only libpq's own parameters stay in the URI.
const libpqParams = new Set([
  'sslmode',
  'sslcert',
  'sslkey',
  'sslrootcert',
  'sslcrl',
  'sslpassword',
  'connect_timeout',
  'application_name',
  'options',
  'target_session_attrs',
  'gssencmode',
  'channel_binding',
  'host',
  'port',
  'keepalives',
]);

export function libpqConnection(url: string): { uri: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()]) if (!libpqParams.has(key)) parsed.searchParams.delete(key);
  return { uri: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new BackupError(`${command} is not installed: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`) : error);
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim() || 'no message'}`))));
  });
}

/**
 * Objects a restore would collide with: tables, views, sequences, types and functions outside
 * PostgreSQL's own schemas. An empty list means the database is empty.
 */
export async function userObjects(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ what: string }>(`
      SELECT 1 AS rank, format('%s %I.%I', CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' WHEN 'S' THEN 'sequence' ELSE 'relation' END, n.nspname, c.relname) AS what
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      UNION ALL
      SELECT 2, format('type %I.%I', n.nspname, t.typname)
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE t.typtype IN ('e', 'd', 'c') AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
         AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      UNION ALL
      SELECT 3, format('function %I.%I', n.nspname, p.proname)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
       ORDER BY 1, 2`);
    return rows.map((row) => row.what);
  } finally {
    await client.end();
  }
}

/** Rows per table of the public schema, for "nothing lost" checks before and after. */
export async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM public."${name.replaceAll('"', '""')}"`);
      counts[name] = Number(rows[0]?.n ?? 0);
    }
    return counts;
  } finally {
    await client.end();
  }
}

export interface BackupWritten {
  file: string;
  sha256: string;
  bytes: number;
  ms: number;
}

/** pg_dump of a server database into `out` (custom format), then out.sha256. */
export async function backupServer(url: string, out: string): Promise<BackupWritten> {
  const started = Date.now();
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  // Written under another name and renamed when complete: an interrupted dump never sits at the
  // name a restore would be pointed at.
  const partial = `${out}.partial`;
  const { uri, env } = libpqConnection(url);
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--compress=6', `--file=${partial}`, `--dbname=${uri}`], env);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, out);
  const sha256 = await writeChecksum(out);
  return { file: out, sha256, bytes: statSync(out).size, ms: Date.now() - started };
}

/** Restores a pg_dump backup into an existing, empty database, after checking its checksum. */
export async function restoreServer(url: string, file: string): Promise<{ sha256: string; ms: number }> {
  const started = Date.now();
  const sha256 = await verifyChecksum(file);
  const kind = await backupKindOf(file);
  if (kind === 'pglite') throw new BackupError(`${path.basename(file)} is a backup of the embedded database (PGlite); restore it without DATABASE_URL (it becomes .data/pglite)`);
  if (kind !== 'pg_dump') throw new BackupError(`${path.basename(file)} is not a pg_dump custom-format backup`);
  const present = await userObjects(url);
  if (present.length) {
    throw new BackupError(
      `the target database ${describeTarget(url)} is not empty (${present.length} objects, e.g. ${present.slice(0, 3).join(', ')}); a restore never overwrites data: create an empty database (createdb NAME) and point DATABASE_URL at it`,
    );
  }
  const { uri, env } = libpqConnection(url);
  await run('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', `--dbname=${uri}`, file], env);
  return { sha256, ms: Date.now() - started };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * PGlite writes postmaster.pid while it has the directory open and removes it on a clean close;
 * two PGlite instances on one directory corrupt it, and PGlite does not stop the second.
 */
async function refuseIfOpen(dataDir: string, port: number): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile) || (await listening(port))) {
    throw new BackupError(
      `the embedded database in ${dataDir} is in use (${existsSync(pidFile) ? 'postmaster.pid present' : `port ${port} answers`}): stop \`npm start\` first. ` +
        'If it is not running, it was not shut down cleanly: start it once with `npm start` (PGlite recovers the directory), stop it with Ctrl-C, then try again.',
    );
  }
}

/** Tarball of the embedded database's data directory (gzip), then out.sha256. The app must be stopped. */
export async function backupEmbedded(dataDir: string, out: string, options: { port: number }): Promise<BackupWritten> {
  const started = Date.now();
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`${dataDir} holds no embedded database (no PG_VERSION); nothing to back up`);
  await refuseIfOpen(dataDir, options.port);
  const db = await PGlite.create({ dataDir });
  let tarball: Blob;
  try {
    tarball = await db.dumpDataDir('gzip');
  } finally {
    await db.close();
  }
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const partial = `${out}.partial`;
  writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
  renameSync(partial, out);
  const sha256 = await writeChecksum(out);
  return { file: out, sha256, bytes: statSync(out).size, ms: Date.now() - started };
}

/** Unpacks an embedded-database backup into `dataDir`, which must not exist or be empty. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<{ sha256: string; ms: number }> {
  const started = Date.now();
  const sha256 = await verifyChecksum(file);
  const kind = await backupKindOf(file);
  if (kind === 'pg_dump') throw new BackupError(`${path.basename(file)} is a pg_dump backup of a PostgreSQL server: set DATABASE_URL to an empty database and restore it there`);
  if (kind !== 'pglite') throw new BackupError(`${path.basename(file)} is not a backup of the embedded database (a gzipped PGlite data directory)`);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(`${dataDir} is not empty: a restore never overwrites data. Move it aside (it is the current embedded database) or restore elsewhere with --data-dir DIR`);
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    const db = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
    await db.query('SELECT 1');
    await db.close();
  } catch (error) {
    // A half-unpacked directory would look like a database at the next start.
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return { sha256, ms: Date.now() - started };
}
