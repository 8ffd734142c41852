import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Shared by the server's data layer and by scripts (seed, audit check), which cannot import
 * 'server-only' modules. DATABASE_POOL_MAX caps connections: the embedded PostgreSQL runs one
 * query at a time and mixes up the extended-protocol messages of concurrent connections, so it is
 * used through a single connection (docs/decisions/0001).
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  const max = Number(process.env.DATABASE_POOL_MAX) || undefined;
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: 5_000, ...(max ? { max } : {}) }),
    // Waiting for a connection counts against maxWait; with one connection a save may queue.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}
