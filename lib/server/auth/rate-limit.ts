import 'server-only';
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

// Failed sign-ins are limited per account (guessing one person's password) and per IP (trying
// many accounts). Counters live in the server's memory (docs/decisions/0004-sign-in-rate-limits.md):
// under scripts/serve.mjs, in its primary process, which every worker asks, so that a guesser
// gains nothing from landing on another worker (docs/decisions/0017-one-worker-per-core.md).
export const signInLimits = {
  perAccount: { points: 5, duration: 15 * 60 },
  perIp: { points: 30, duration: 15 * 60 },
};

type Limiter = RateLimiterMemory | RateLimiterCluster;
const inClusterWorker = process.env.PES_CLUSTER_WORKER === '1';
function limiter(keyPrefix: string, limits: { points: number; duration: number }): Limiter {
  return inClusterWorker ? new RateLimiterCluster({ keyPrefix, timeoutMs: 3_000, ...limits }) : new RateLimiterMemory({ keyPrefix, ...limits });
}
const byAccount = limiter('signin-account', signInLimits.perAccount);
const byIp = limiter('signin-ip', signInLimits.perIp);

/** Seconds until another attempt is allowed, or 0 when the attempt may go ahead. */
export async function signInBlockedFor(email: string, ip: string): Promise<number> {
  const [account, address] = await Promise.all([byAccount.get(email), byIp.get(ip)]);
  const waits = [
    account && account.consumedPoints >= signInLimits.perAccount.points ? account.msBeforeNext : 0,
    address && address.consumedPoints >= signInLimits.perIp.points ? address.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...waits) / 1000);
}

async function consume(limiter: Limiter, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  await Promise.all([consume(byAccount, email), consume(byIp, ip)]);
}

export async function clearAccountFailures(email: string): Promise<void> {
  await byAccount.delete(email);
}
