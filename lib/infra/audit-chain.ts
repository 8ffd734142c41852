// The audit trail's hash chain, shared by the server (which appends) and `npm run audit:verify`.
// Each event's hash covers its whole content and the previous event's hash in the same chain, so
// changing, removing or reordering any event breaks every link after it. Since scheme 2 the hash
// is an HMAC with a key the database does not hold (lib/infra/audit-key.ts), so a chain cannot be
// recomputed after a change by someone who only has the database; cut tails and chains rewritten
// in the old scheme are caught against the anchors kept outside it (lib/infra/audit-anchors.ts).
import { createHash, createHmac } from 'node:crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { type Anchor, type AnchorSet } from './audit-anchors';
import type { ChainProblem } from '@/lib/domain/audit-chain-problem';
import { auditKeyring, type AuditKeyring } from './audit-key';

export type { ChainProblem };

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

/** 1: plain SHA-256 (events written before keyed hashes); 2: HMAC-SHA-256 with the key keyId names. */
export const legacyScheme = 1;
export const keyedScheme = 2;

export interface Seal {
  scheme: number;
  keyId: string | null;
  hash: string;
}

function canonicalContent(content: ChainedContent): string {
  return canonicalJson({ ...content, at: content.at.toISOString(), summary: content.summary ?? null });
}

/** The plain SHA-256 of scheme 1, kept so that events written before keyed hashes still verify. */
export function legacyEventHash(content: ChainedContent): string {
  return createHash('sha256').update(canonicalContent(content)).digest('hex');
}

/** The keyed hash of scheme 2; the scheme and key id are part of what is hashed. */
function keyedEventHash(content: ChainedContent, key: { id: string; secret: Buffer }): string {
  return createHmac('sha256', key.secret)
    .update(`pes-audit/2\0${key.id}\0${canonicalContent(content)}`)
    .digest('hex');
}

/** How a new event is sealed: with the current key. */
export function sealEvent(content: ChainedContent, keyring: AuditKeyring = auditKeyring()): Seal {
  return { scheme: keyedScheme, keyId: keyring.current.id, hash: keyedEventHash(content, keyring.current) };
}

/** A chain problem in English, for `npm run audit:verify` and the other terminal commands. */
export function chainProblemText(problem: ChainProblem): string {
  switch (problem.code) {
    case 'sequenceGap':
      return `sequence jumps from ${problem.params.after} to ${problem.params.found} (an event is missing)`;
    case 'previousHash':
      return 'previous-event hash does not match the event before it';
    case 'altered':
      return 'content does not match its hash (the event was altered)';
    case 'alteredKeyed':
      return 'content does not match its keyed hash (the event was altered, or its hashes recomputed without the audit key)';
    case 'unknownScheme':
      return `unknown hash scheme ${problem.params.scheme}`;
    case 'unknownKey':
      return `hashed with audit key ${problem.params.keyId}, which is neither PES_AUDIT_KEY nor in PES_AUDIT_RETIRED_KEYS`;
    case 'unkeyedAfterKeyed':
      return `unkeyed hash after keyed events from #${problem.params.since} on (the chain was rewritten without the audit key)`;
    case 'anchorDiffers':
      return `differs from the anchor written ${problem.params.at} (the event was rewritten and the chain's hashes recomputed)`;
    case 'tailCut':
      return `event #${problem.params.anchored} was anchored ${problem.params.at} but the chain ends at #${problem.params.last} (its newest events were deleted)`;
    case 'chainDeleted':
      return `event #${problem.params.anchored} was anchored ${problem.params.at} but the chain has no events (all were deleted)`;
  }
}

/** Why a stored event does not match its hash, or null when it does. */
function sealProblem(content: ChainedContent, seal: Seal, keyring: AuditKeyring): ChainProblem | null {
  const none = {} as Record<string, never>;
  if (seal.scheme === legacyScheme) return legacyEventHash(content) === seal.hash ? null : { code: 'altered', params: none };
  if (seal.scheme !== keyedScheme) return { code: 'unknownScheme', params: { scheme: seal.scheme } };
  const key = seal.keyId ? keyring.byId(seal.keyId) : undefined;
  if (!key) return { code: 'unknownKey', params: { keyId: seal.keyId ?? '(none)' } };
  return keyedEventHash(content, key) === seal.hash ? null : { code: 'alteredKeyed', params: none };
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
  const seal = sealEvent(content);
  await tx.auditEvent.create({ data: { ...content, summary: (content.summary ?? undefined) as Prisma.InputJsonValue | undefined, side: content.side as never, ...seal } });
  return { seq: content.seq, hash: seal.hash };
}

export interface BrokenLink {
  chain: string;
  seq: number;
  id: string;
  /** What is wrong, in English for a terminal (chainProblemText of `reason`). */
  problem: string;
  reason: ChainProblem;
}

function brokenLink(at: { chain: string; seq: number; id: string }, reason: ChainProblem): BrokenLink {
  return { ...at, problem: chainProblemText(reason), reason };
}

export interface ChainCheck {
  chains: number;
  events: number;
  broken: BrokenLink[];
  /** How many anchors the chains were checked against. */
  anchors: number;
  /** Each chain's newest intact event: the head a reader can compare with one printed elsewhere. */
  heads: { chain: string; seq: number; hash: string }[];
}

/**
 * Checks every chain: sequence, links, each event's hash (keyed with the key it names), no return
 * to the unkeyed scheme after keyed events, and every anchor written outside the database (an
 * anchored event rewritten, or missing because the chain's tail was cut). Returns the first broken
 * link of each broken chain.
 */
export async function verifyAuditChains(prisma: PrismaClient, options: { anchors?: AnchorSet; keyring?: AuditKeyring; chain?: string } = {}): Promise<ChainCheck> {
  const keyring = options.keyring ?? auditKeyring();
  const allAnchors = options.anchors ?? new Map<string, Map<number, Anchor>>();
  // One chain (a deal's, for its members) or all of them (the terminal command).
  const only = options.chain;
  const anchors = only === undefined ? allAnchors : new Map([...allAnchors].filter(([chain]) => chain === only));
  const stored = await prisma.auditEvent.findMany({ where: only === undefined ? {} : { chain: only }, distinct: ['chain'], select: { chain: true }, orderBy: { chain: 'asc' } });
  const broken: BrokenLink[] = [];
  const heads: ChainCheck['heads'] = [];
  let events = 0;
  for (const { chain } of stored) {
    const anchored = anchors.get(chain);
    let expectedPrev = genesisHash;
    let expectedSeq = 1;
    let keyedSince: number | null = null;
    let last: { seq: number; id: string } | null = null;
    let intact = true;
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
        const fail = (problem: ChainProblem) => {
          broken.push(brokenLink(where, problem));
          intact = false;
        };
        if (event.seq !== expectedSeq) {
          fail({ code: 'sequenceGap', params: { after: expectedSeq - 1, found: event.seq } });
          break chainLoop;
        }
        if (event.prevHash !== expectedPrev) {
          fail({ code: 'previousHash', params: {} });
          break chainLoop;
        }
        const { id: _id, hash, scheme, keyId, ...content } = event;
        const problem = sealProblem(content, { scheme, keyId, hash }, keyring);
        if (problem) {
          fail(problem);
          break chainLoop;
        }
        if (scheme === keyedScheme) keyedSince ??= event.seq;
        else if (keyedSince !== null) {
          fail({ code: 'unkeyedAfterKeyed', params: { since: keyedSince } });
          break chainLoop;
        }
        const anchor = anchored?.get(event.seq);
        if (anchor && anchor.hash !== hash) {
          fail({ code: 'anchorDiffers', params: { at: anchor.at } });
          break chainLoop;
        }
        expectedPrev = hash;
        expectedSeq++;
        last = { seq: event.seq, id: where.id };
      }
    }
    if (last) heads.push({ chain, seq: last.seq, hash: expectedPrev });
    if (!intact || !anchored) continue;
    const beyond = [...anchored.values()].filter((anchor) => anchor.seq > (last?.seq ?? 0)).sort((a, b) => b.seq - a.seq)[0];
    if (beyond) {
      broken.push(brokenLink({ chain, seq: beyond.seq, id: last?.id ?? '-' }, { code: 'tailCut', params: { anchored: beyond.seq, at: beyond.at, last: last?.seq ?? 0 } }));
    }
  }
  // A chain the anchors know that has no events left at all.
  const present = new Set(stored.map((c) => c.chain));
  for (const [chain, anchored] of anchors) {
    if (present.has(chain)) continue;
    const newest = [...anchored.values()].sort((a, b) => b.seq - a.seq)[0];
    if (newest) broken.push(brokenLink({ chain, seq: newest.seq, id: '-' }, { code: 'chainDeleted', params: { anchored: newest.seq, at: newest.at } }));
  }
  let anchorCount = 0;
  for (const anchored of anchors.values()) anchorCount += anchored.size;
  return { chains: stored.length, events, broken, anchors: anchorCount, heads };
}
