// The key the audit chains are hashed with (HMAC-SHA-256), which the database does not hold: someone
// who can write to PostgreSQL but does not have the key cannot recompute a chain after changing
// it (docs/decisions/0060-keyed-audit-chain-and-anchors.md).
//
//   PES_AUDIT_KEY           the current key (at least 32 characters, e.g. `openssl rand -base64 32`)
//   PES_AUDIT_RETIRED_KEYS  earlier keys, comma-separated, so that events hashed with them still verify
//
// Each event stores the id of its key (a fingerprint of the key, not the key). Production refuses
// to run without PES_AUDIT_KEY; a demo, development or test installation generates one under
// .data/ (or PES_DATA_DIR) on first use and keeps it there.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface AuditKey {
  id: string;
  secret: Buffer;
}

export interface AuditKeyring {
  /** The key new events and anchors are hashed with. */
  current: AuditKey;
  byId(id: string): AuditKey | undefined;
}

export const minAuditKeyLength = 32;

export function auditKeyId(secret: string): string {
  return `k${createHash('sha256').update(`pes-audit-key-id\0${secret}`).digest('hex').slice(0, 15)}`;
}

function key(secret: string, variable: string): AuditKey {
  const trimmed = secret.trim();
  if (trimmed.length < minAuditKeyLength) throw new Error(`${variable}: an audit key must be at least ${minAuditKeyLength} characters (e.g. \`openssl rand -base64 32\`).`);
  return { id: auditKeyId(trimmed), secret: Buffer.from(trimmed, 'utf8') };
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PES_DATA_DIR ?? path.join(process.cwd(), '.data');
}

/** Whether this process may fall back to a generated key: anything but a production installation. */
export function mayUseDevelopmentKey(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.PES_DEMO === '1';
}

/** The installation's generated key, created once (several workers may race: the first write wins). */
function developmentKey(env: NodeJS.ProcessEnv): string {
  const file = path.join(dataDir(env), 'audit-key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return readFileSync(file, 'utf8').trim();
  }
}

export class MissingAuditKeyError extends Error {
  constructor() {
    super('PES_AUDIT_KEY is not set: a production server needs the audit key (at least 32 characters, kept outside the database; see docs/deploy.md).');
  }
}

/** The keyring from the environment; throws in production without PES_AUDIT_KEY. */
export function loadAuditKeyring(env: NodeJS.ProcessEnv = process.env): AuditKeyring {
  let currentSecret = env.PES_AUDIT_KEY;
  if (!currentSecret) {
    if (!mayUseDevelopmentKey(env)) throw new MissingAuditKeyError();
    currentSecret = developmentKey(env);
  }
  const current = key(currentSecret, 'PES_AUDIT_KEY');
  const keys = new Map([[current.id, current]]);
  for (const retired of (env.PES_AUDIT_RETIRED_KEYS ?? '').split(',').filter((s) => s.trim())) {
    const k = key(retired, 'PES_AUDIT_RETIRED_KEYS');
    if (!keys.has(k.id)) keys.set(k.id, k);
  }
  return { current, byId: (id) => keys.get(id) };
}

let cached: AuditKeyring | undefined;

/** The process's keyring, read once. */
export function auditKeyring(): AuditKeyring {
  cached ??= loadAuditKeyring();
  return cached;
}
