// Chain heads written outside PostgreSQL: an append-only log of "chain C had event #N with hash H
// at time T", each line sealed with the audit key. Someone who can rewrite the database cannot
// reach this file (it lives on the app server, or on storage only the servers can append to), so
// a rewritten or cut chain no longer matches what was anchored (docs/decisions/0060).
//
//   PES_AUDIT_ANCHOR_LOG  the log's path (default .data/audit-anchors.log, or under PES_DATA_DIR)
//
// Lines are JSON, one per head, appended with O_APPEND (a line is far below the size the kernel
// writes in one piece), so several workers may append to the same file.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { auditKeyring, dataDir, type AuditKeyring } from './audit-key';

export interface ChainHead {
  chain: string;
  seq: number;
  hash: string;
}

export interface Anchor extends ChainHead {
  /** When the head was anchored, ISO 8601 UTC. */
  at: string;
  keyId: string;
  mac: string;
}

/** Anchors by chain, then by sequence number. */
export type AnchorSet = Map<string, Map<number, Anchor>>;

export function anchorLogPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PES_AUDIT_ANCHOR_LOG ?? path.join(dataDir(env), 'audit-anchors.log');
}

function anchorMac(head: ChainHead, at: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(`pes-anchor/1\0${head.chain}\0${head.seq}\0${head.hash}\0${at}`).digest('hex');
}

/** Appends heads to the anchor log; returns the lines written. */
export function writeAnchors(heads: ChainHead[], options: { file?: string; keyring?: AuditKeyring; now?: Date } = {}): Anchor[] {
  if (heads.length === 0) return [];
  const keyring = options.keyring ?? auditKeyring();
  const file = options.file ?? anchorLogPath();
  const at = (options.now ?? new Date()).toISOString();
  const anchors = heads.map((head) => ({ chain: head.chain, seq: head.seq, hash: head.hash, at, keyId: keyring.current.id, mac: anchorMac(head, at, keyring.current.secret) }));
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, anchors.map((anchor) => `${JSON.stringify(anchor)}\n`).join(''), { flag: 'a', mode: 0o600 });
  return anchors;
}

export interface AnchorRead {
  anchors: AnchorSet;
  /** Lines that are not anchors, or whose seal does not hold: the log itself was tampered with. */
  problems: string[];
  files: string[];
}

function isAnchor(value: unknown): value is Anchor {
  const a = value as Anchor;
  return Boolean(a) && typeof a.chain === 'string' && Number.isInteger(a.seq) && typeof a.hash === 'string' && typeof a.at === 'string' && typeof a.keyId === 'string' && typeof a.mac === 'string';
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Reads anchor logs (several app servers keep one each); a missing file holds no anchors. */
export function readAnchors(files: string[], keyring: AuditKeyring = auditKeyring()): AnchorRead {
  const anchors: AnchorSet = new Map();
  const problems: string[] = [];
  const read: string[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    read.push(file);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim()) return;
        const where = `${file}:${index + 1}`;
        let anchor: unknown;
        try {
          anchor = JSON.parse(line);
        } catch {
          problems.push(`${where}: not an anchor line`);
          return;
        }
        if (!isAnchor(anchor)) return problems.push(`${where}: not an anchor line`);
        const key = keyring.byId(anchor.keyId);
        if (!key) return problems.push(`${where}: sealed with audit key ${anchor.keyId}, which is neither PES_AUDIT_KEY nor in PES_AUDIT_RETIRED_KEYS`);
        if (!sameHex(anchorMac(anchor, anchor.at, key.secret), anchor.mac)) return problems.push(`${where}: its seal does not match (the line was altered)`);
        const chain = anchors.get(anchor.chain) ?? new Map<number, Anchor>();
        const earlier = chain.get(anchor.seq);
        if (earlier && earlier.hash !== anchor.hash) problems.push(`${where}: chain ${anchor.chain} #${anchor.seq} was anchored with two different hashes (${earlier.at} and ${anchor.at})`);
        if (!earlier) chain.set(anchor.seq, anchor);
        anchors.set(anchor.chain, chain);
      });
  }
  return { anchors, problems, files: read };
}

/** The newest event of one chain, or null for a chain without events. */
export async function chainHead(prisma: Pick<PrismaClient, 'auditEvent'>, chain: string): Promise<ChainHead | null> {
  const head = await prisma.auditEvent.findFirst({ where: { chain }, orderBy: { seq: 'desc' }, select: { chain: true, seq: true, hash: true } });
  return head;
}

// What this process anchored last, so that a chain whose head has not moved is not written again.
const anchoredHere = new Map<string, number>();
let newestSeenId = 0n;
// Events commit in a different order from the one their ids were given in: looking a little
// behind the newest id seen finds a head that committed late.
const lookBehind = 1000n;

/**
 * Anchors the heads of every chain that gained events since this process last looked (all chains
 * the first time). Run every minute by each server (instrumentation.ts) and on demand.
 */
export async function anchorChangedChainHeads(prisma: Pick<PrismaClient, '$queryRaw'>, options: { file?: string } = {}): Promise<Anchor[]> {
  const after = newestSeenId > lookBehind ? newestSeenId - lookBehind : 0n;
  const heads = await prisma.$queryRaw<(ChainHead & { id: bigint })[]>`
    SELECT DISTINCT ON (chain) chain, seq, hash, (SELECT max(id) FROM "AuditEvent") AS id
    FROM "AuditEvent" WHERE id > ${after} ORDER BY chain, seq DESC`;
  if (heads[0]) newestSeenId = heads[0].id;
  const moved = heads.filter((head) => anchoredHere.get(head.chain) !== head.seq);
  const written = writeAnchors(
    moved.map(({ chain, seq, hash }) => ({ chain, seq, hash })),
    options,
  );
  for (const anchor of written) anchoredHere.set(anchor.chain, anchor.seq);
  return written;
}

/** A chain's head, anchored now: what a document prints so that the trail behind it can be checked later. */
export async function anchoredChainHead(prisma: Pick<PrismaClient, 'auditEvent'>, chain: string, options: { file?: string } = {}): Promise<Anchor | null> {
  const head = await chainHead(prisma, chain);
  if (!head) return null;
  const [anchor] = writeAnchors([head], options);
  anchoredHere.set(head.chain, head.seq);
  return anchor!;
}
