// npm run db:backup [-- --out FILE] [--data-dir DIR]
// With DATABASE_URL: pg_dump (custom format, one consistent snapshot) of that database. Without
// it: the embedded database in .data/pglite (or DIR), as PGlite's own data-directory tarball; the
// app must be stopped for that. Writes FILE and FILE.sha256 (default under .data/backups/).
// Exit 0 when written, 1 when the backup failed, 2 on bad usage.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, backupEmbedded, backupServer, defaultBackupPath } from '../lib/infra/backup';
import { describeTarget, ensureReachable } from '../lib/infra/reachability';

const root = path.resolve(import.meta.dirname, '..');

function usage(message: string): never {
  console.error(`${message}\nusage: npm run db:backup [-- --out FILE] [--data-dir DIR]`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { out?: string; 'data-dir'?: string };
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, 'data-dir': { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const out = values.out;
  const url = process.env.DATABASE_URL;
  if (url) {
    if (values['data-dir']) usage('--data-dir is for the embedded database; unset DATABASE_URL to use it');
    await ensureReachable(url);
    const file = path.resolve(out ?? defaultBackupPath(root, 'pg_dump', url));
    console.log(`Backing up ${describeTarget(url)} with pg_dump …`);
    const written = await backupServer(url, file);
    report(written);
  } else {
    const dataDir = path.resolve(values['data-dir'] ?? path.join(root, '.data', 'pglite'));
    const file = path.resolve(out ?? defaultBackupPath(root, 'pglite'));
    console.log(`No DATABASE_URL: backing up the embedded database in ${dataDir} …`);
    const written = await backupEmbedded(dataDir, file, { port: Number(process.env.PES_EMBEDDED_PORT ?? 54329) });
    report(written);
  }
}

function report(written: { file: string; sha256: string; bytes: number; ms: number }): void {
  console.log(`Backup written: ${written.file} (${(written.bytes / 1024 / 1024).toFixed(2)} MB, ${written.ms} ms)`);
  console.log(`SHA-256 ${written.sha256} in ${written.file}.sha256`);
  const relative = path.relative(process.cwd(), written.file);
  console.log(`Restore into an empty database with: npm run db:restore -- ${relative.startsWith('..') ? written.file : relative}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
