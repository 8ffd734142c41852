import { describe, expect, it } from 'vitest';
import { agreementStatuses, hashVerdict, isSigningSide, mayMoveAgreement, refuseSignature, statusAfterSignature } from './agreement-state';

describe('agreement state', () => {
  it('moves a draft to archived or void, and nothing out of archived or void', () => {
    expect(mayMoveAgreement('DRAFT', 'ARCHIVED')).toBe(true);
    expect(mayMoveAgreement('DRAFT', 'VOID')).toBe(true);
    for (const to of agreementStatuses) {
      expect(mayMoveAgreement('ARCHIVED', to)).toBe(false);
      expect(mayMoveAgreement('VOID', to)).toBe(false);
    }
    expect(mayMoveAgreement('DRAFT', 'DRAFT')).toBe(false);
  });

  it('lets a designated signatory sign a draft once', () => {
    expect(refuseSignature({ status: 'DRAFT' }, { signed: false })).toBeNull();
    expect(refuseSignature({ status: 'DRAFT' }, { signed: true })).toMatchObject({ reason: 'signed_already', message: expect.stringMatching(/signed this agreement already/) });
    expect(refuseSignature({ status: 'DRAFT' }, null)).toMatchObject({ reason: 'not_signatory', message: expect.stringMatching(/not one of the signatories/) });
    expect(refuseSignature({ status: 'ARCHIVED' }, { signed: false })).toMatchObject({ reason: 'not_draft', message: expect.stringMatching(/archived already/) });
    expect(refuseSignature({ status: 'VOID' }, { signed: false })).toMatchObject({ reason: 'not_draft', message: expect.stringMatching(/void already/) });
    // Someone not designated is told so even on an archived agreement only as "archived".
    expect(refuseSignature({ status: 'ARCHIVED' }, null)?.reason).toBe('not_draft');
  });

  it('archives on the last signature only', () => {
    expect(statusAfterSignature(2)).toBe('DRAFT');
    expect(statusAfterSignature(1)).toBe('DRAFT');
    expect(statusAfterSignature(0)).toBe('ARCHIVED');
  });

  it('has only the upstream and downstream sides sign', () => {
    expect(['UPSTREAM', 'DOWNSTREAM', 'FUND', 'OBSERVER'].filter(isSigningSide)).toEqual(['UPSTREAM', 'DOWNSTREAM']);
  });

  it('reports a hash that does not match, or is missing or out of place, as not verified', () => {
    expect(hashVerdict('ARCHIVED', 'a'.repeat(64), 'a'.repeat(64), 'a'.repeat(64))).toBe(true);
    expect(hashVerdict('ARCHIVED', 'a'.repeat(64), 'b'.repeat(64), 'a'.repeat(64))).toBe(false);
    // Recomputed in the database after a change: consistent with itself, not with the audit trail.
    expect(hashVerdict('ARCHIVED', 'c'.repeat(64), 'c'.repeat(64), 'a'.repeat(64))).toBe(false);
    expect(hashVerdict('ARCHIVED', 'a'.repeat(64), 'a'.repeat(64), null)).toBe(false);
    expect(hashVerdict('ARCHIVED', null, 'b'.repeat(64), null)).toBe(false);
    expect(hashVerdict('DRAFT', null, 'b'.repeat(64), null)).toBeNull();
    expect(hashVerdict('DRAFT', 'b'.repeat(64), 'b'.repeat(64), 'b'.repeat(64))).toBe(false);
    expect(hashVerdict('VOID', null, 'b'.repeat(64), null)).toBeNull();
  });
});
