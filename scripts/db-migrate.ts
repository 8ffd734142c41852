// npm run db:migrate            apply pending migrations to DATABASE_URL
// npm run db:migration -- NAME  write prisma/migrations/<stamp>_NAME from the schema diff
// npm run db:check              fail when schema.prisma and the migrations disagree
//
// @prisma/schema-engine-wasm is pinned exactly in package.json: its interface (diff,
// applyMigrations, the MigrationList shape) changes between engine builds without semver
// guarantees, and the build must understand the migrations table written by Prisma 7.
import { applyMigrations, createMigration, isEmptyDiff, pendingSchemaSql } from '../lib/infra/migrations';

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  if (command === 'apply') {
    const url = process.env.DATABASE_URL;
    if (!url) {
      console.error('DATABASE_URL is not set: say which PostgreSQL to migrate (npm start migrates the embedded one itself).');
      return 2;
    }
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    return 0;
  }
  if (command === 'create') {
    if (!name) {
      console.error('Usage: npm run db:migration -- NAME');
      return 2;
    }
    const dir = await createMigration(name);
    console.log(dir ? `Wrote ${dir}/migration.sql` : 'schema.prisma matches the migrations: nothing to write.');
    return 0;
  }
  if (command === 'check') {
    const sql = await pendingSchemaSql();
    if (isEmptyDiff(sql)) {
      console.log('schema.prisma and prisma/migrations agree.');
      return 0;
    }
    console.error('schema.prisma has changes that no migration holds. Run `npm run db:migration -- NAME`. Missing SQL:\n' + sql);
    return 1;
  }
  console.error('Usage: db-migrate.ts apply | create NAME | check');
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
