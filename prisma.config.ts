import { defineConfig } from 'prisma/config';

// Migrations run through scripts/db-migrate.ts (the WebAssembly schema engine), so the
// datasource URL is only needed by stock Prisma commands where they can run.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/pes' },
});
