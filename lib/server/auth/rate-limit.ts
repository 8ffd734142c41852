import 'server-only';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { db } from '@/lib/server/db';

// Failed sign-ins are limited per account (guessing one person's password) and per address (trying
// many accounts, or sending malformed attempts). The counters live in PostgreSQL (the "RateLimit"
// table, rate-limiter-flexible's PostgreSQL store), so every worker of every app server on the
// same database counts the same attempts (docs/decisions/0063-shared-state-in-postgresql.md).
export const signInLimits = {
  perAccount: { points: 5, duration: 15 * 60 },
  perIp: { points: 30, duration: 15 * 60 },
};

/**
 * The library's store speaks node-postgres (`client.query({ text, values })` → `{ rows }`); this
 * passes its statements through the server's own Prisma pool instead of opening a second pool.
 * int8 columns come back as BigInt from Prisma and are handed over as numbers (milliseconds).
 */
const storeClient = {
  async query({ text, values = [] }: { text: string; values?: unknown[] }) {
    // A DELETE returns no rows; the library reads how many it removed.
    if (/^\s*DELETE\b/i.test(text)) return { rows: [], rowCount: await db().$executeRawUnsafe(text, ...values) };
    const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
    return { rows: rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))), rowCount: rows.length };
  },
};

function limiter(keyPrefix: string, limits: { points: number; duration: number }) {
  // The table comes with the migrations; expired rows are swept by the library every five minutes.
  return new RateLimiterPostgres({ storeClient, storeType: 'client', tableName: 'RateLimit', tableCreated: true, keyPrefix, ...limits });
}
const byAccount = limiter('signin-account', signInLimits.perAccount);
const byIp = limiter('signin-ip', signInLimits.perIp);

function wait(res: RateLimiterRes | null, points: number): number {
  return res && res.consumedPoints >= points ? res.msBeforeNext : 0;
}

/** Seconds until another attempt is allowed, or 0 when the attempt may go ahead; without an e-mail, the address alone. */
export async function signInBlockedFor(email: string | null, ip: string): Promise<number> {
  const [account, address] = await Promise.all([email ? byAccount.get(email) : null, byIp.get(ip)]);
  return Math.ceil(Math.max(wait(account, signInLimits.perAccount.points), wait(address, signInLimits.perIp.points)) / 1000);
}

async function consume(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

/** Counts a failed attempt against the address, and against the account when it named one. */
export async function recordFailedSignIn(email: string | null, ip: string): Promise<void> {
  await Promise.all([email ? consume(byAccount, email) : null, consume(byIp, ip)]);
}

export async function clearAccountFailures(email: string): Promise<void> {
  await byAccount.delete(email);
}
