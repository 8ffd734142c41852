import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditKeyId, loadAuditKeyring, MissingAuditKeyError } from '../../lib/infra/audit-key';

const key = 'a-production-audit-key-0123456789-abcdef';
const older = 'the-key-before-the-last-rotation-0123456789';

describe('the audit key', () => {
  it('is required in production, unless the installation is a demo', () => {
    expect(() => loadAuditKeyring({ NODE_ENV: 'production' })).toThrow(MissingAuditKeyError);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pes-key-'));
    expect(loadAuditKeyring({ NODE_ENV: 'production', PES_DEMO: '1', PES_DATA_DIR: dataDir }).current.id).toMatch(/^k[0-9a-f]{15}$/);
  });

  it('is generated once for development and kept under the data directory, readable by its owner only', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pes-key-'));
    const first = loadAuditKeyring({ NODE_ENV: 'development', PES_DATA_DIR: dataDir });
    const again = loadAuditKeyring({ NODE_ENV: 'development', PES_DATA_DIR: dataDir });
    expect(again.current.id).toBe(first.current.id);
    const file = path.join(dataDir, 'audit-key');
    expect(readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('names each key by a fingerprint, and keeps retired keys for verifying', () => {
    const ring = loadAuditKeyring({ NODE_ENV: 'production', PES_AUDIT_KEY: key, PES_AUDIT_RETIRED_KEYS: `${older}, ` });
    expect(ring.current.id).toBe(auditKeyId(key));
    expect(ring.current.id).not.toContain(key.slice(0, 8));
    expect(ring.byId(auditKeyId(older))?.secret.toString()).toBe(older);
    expect(ring.byId(auditKeyId('never-configured-key-0123456789abcdef'))).toBeUndefined();
  });

  it('refuses a key too short to be a secret', () => {
    expect(() => loadAuditKeyring({ NODE_ENV: 'production', PES_AUDIT_KEY: 'short' })).toThrow(/at least 32 characters/);
    expect(() => loadAuditKeyring({ NODE_ENV: 'production', PES_AUDIT_KEY: key, PES_AUDIT_RETIRED_KEYS: 'short' })).toThrow(/PES_AUDIT_RETIRED_KEYS/);
  });
});
