import { describe, expect, it } from 'vitest';
import { counterpart, effectiveStatus, offerStatuses, refuseMove, type OfferMove, type OfferStatus } from '../../lib/domain/offer-state';

const now = new Date('2026-11-22T12:00:00Z');
const tomorrow = new Date('2026-11-23T00:00:00Z');
const offer = (status: OfferStatus, validUntil = tomorrow) => ({ status, validUntil, fromSide: 'UPSTREAM' as const, toSide: 'DOWNSTREAM' as const });
const moves: OfferMove[] = ['accept', 'reject', 'counter', 'withdraw'];

describe('offer state machine', () => {
  it('lets the receiving side accept, reject or counter a sent offer, and only the sender withdraw it', () => {
    for (const move of ['accept', 'reject', 'counter'] as const) {
      expect(refuseMove(offer('SENT'), move, 'DOWNSTREAM', now)).toBeNull();
      expect(refuseMove(offer('SENT'), move, 'UPSTREAM', now)?.message).toMatch(/only the downstream side/);
      expect(refuseMove(offer('SENT'), move, 'FUND', now)?.message).toMatch(/only the downstream side/);
    }
    expect(refuseMove(offer('SENT'), 'withdraw', 'UPSTREAM', now)).toBeNull();
    expect(refuseMove(offer('SENT'), 'withdraw', 'DOWNSTREAM', now)?.message).toMatch(/only the side that made/);
  });

  it('refuses every move on an answered, withdrawn or expired offer', () => {
    for (const status of offerStatuses.filter((s) => s !== 'SENT')) {
      for (const move of moves) expect(refuseMove(offer(status), move, move === 'withdraw' ? 'UPSTREAM' : 'DOWNSTREAM', now)?.message).toMatch(/already/);
    }
    for (const move of moves) expect(refuseMove(offer('SENT', new Date('2026-11-01')), move, 'DOWNSTREAM', now)?.message).toMatch(/expired already/);
  });

  it('reads an unanswered offer past its validity as expired', () => {
    expect(effectiveStatus(offer('SENT', new Date('2026-11-01')), now)).toBe('EXPIRED');
    expect(effectiveStatus(offer('ACCEPTED', new Date('2026-11-01')), now)).toBe('ACCEPTED');
  });

  it('pairs upstream with downstream only', () => {
    expect([counterpart('UPSTREAM'), counterpart('DOWNSTREAM'), counterpart('FUND'), counterpart('OBSERVER')]).toEqual(['DOWNSTREAM', 'UPSTREAM', null, null]);
  });
});
