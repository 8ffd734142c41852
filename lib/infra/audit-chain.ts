// The audit trail's hash chain, shared by the server (which appends) and `npm run audit:verify`.
// Each event's hash covers its whole content and the previous event's hash in the same chain, so
// changing, removing or reordering any event breaks every link after it.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

export const genesisHash = '0'.repeat(64);
export const platformChain = 'platform';

export interface ChainedContent {
  chain: string;
  seq: number;
  at: Date;
  action: string;
  actorId: string | null;
  email: string | null;
  organisationId: string | null;
  side: string | null;
  dealId: string | null;
  objectType: string | null;
  objectId: string | null;
  summary: unknown;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function eventHash(content: ChainedContent): string {
  return createHash('sha256').update(canonicalJson({ ...content, at: content.at.toISOString(), summary: content.summary ?? null })).digest('hex');
}

/**
 * Appends an event to its chain inside the caller's transaction: one writer per chain at a time
 * (an advisory lock released at commit or rollback), next sequence number, hash over content and
 * the previous hash.
 */
export async function appendToChain(tx: Prisma.TransactionClient, event: Omit<ChainedContent, 'seq' | 'prevHash'>): Promise<{ seq: number; hash: string }> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${event.chain}, 0))::text`;
  const last = await tx.auditEvent.findFirst({ where: { chain: event.chain }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const content: ChainedContent = { ...event, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? genesisHash };
  const hash = eventHash(content);
  await tx.auditEvent.create({ data: { ...content, summary: (content.summary ?? undefined) as Prisma.InputJsonValue | undefined, side: content.side as never, hash } });
  return { seq: content.seq, hash };
}

export interface BrokenLink {
  chain: string;
  seq: number;
  id: string;
  problem: string;
}

/** Checks every chain; returns the first broken link of each broken chain. */
export async function verifyAuditChains(prisma: PrismaClient): Promise<{ chains: number; events: number; broken: BrokenLink[] }> {
  const chains = await prisma.auditEvent.findMany({ distinct: ['chain'], select: { chain: true }, orderBy: { chain: 'asc' } });
  const broken: BrokenLink[] = [];
  let events = 0;
  for (const { chain } of chains) {
    let expectedPrev = genesisHash;
    let expectedSeq = 1;
    chainLoop: for (;;) {
      const page = await prisma.auditEvent.findMany({
        where: { chain, seq: { gte: expectedSeq } },
        orderBy: { seq: 'asc' },
        take: 1000,
      });
      if (page.length === 0) break;
      for (const event of page) {
        events++;
        const where = { chain, seq: event.seq, id: event.id.toString() };
        if (event.seq !== expectedSeq) {
          broken.push({ ...where, problem: `sequence jumps from ${expectedSeq - 1} to ${event.seq} (an event is missing)` });
          break chainLoop;
        }
        if (event.prevHash !== expectedPrev) {
          broken.push({ ...where, problem: 'previous-event hash does not match the event before it' });
          break chainLoop;
        }
        const { id: _id, hash, ...content } = event;
        if (eventHash(content) !== hash) {
          broken.push({ ...where, problem: 'content does not match its hash (the event was altered)' });
          break chainLoop;
        }
        expectedPrev = hash;
        expectedSeq++;
      }
    }
  }
  return { chains: chains.length, events, broken };
}
