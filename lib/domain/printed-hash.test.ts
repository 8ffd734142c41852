import { describe, expect, it } from 'vitest';
import { printedHashMatches } from './printed-hash';

const hash = '3f9a0c1d2e4b5a6978c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6';

describe('printedHashMatches', () => {
  it('finds an agreement by its hash as copied from a PDF, whole or its first eight digits', () => {
    expect(printedHashMatches(hash, hash)).toBe(true);
    expect(printedHashMatches(hash, `SHA-256 ${hash.slice(0, 32)}\n${hash.slice(32)}`)).toBe(true);
    expect(printedHashMatches(hash, `sha256:${hash.toUpperCase()}`)).toBe(true);
    expect(printedHashMatches(hash, hash.slice(0, 8))).toBe(true);
  });
  it('does not match a short, foreign or non-hex query, nor an agreement without a hash', () => {
    expect(printedHashMatches(hash, hash.slice(0, 7))).toBe(false);
    expect(printedHashMatches(hash, hash.slice(1, 12))).toBe(false);
    expect(printedHashMatches(hash, '密云水库')).toBe(false);
    expect(printedHashMatches(null, hash)).toBe(false);
  });
});
