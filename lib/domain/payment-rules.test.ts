import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDuplicate, oppositeDirection, paymentDateProblem, paymentDateWindow } from './payment-rules';

describe('payment dates', () => {
  it('allow an advance up to a year ahead, nothing before the agreement’s window, nothing after today', () => {
    const window = paymentDateWindow({ year: 2027, agreementDrafted: '2026-12-02', today: '2027-06-01' });
    expect(window).toEqual({ earliest: '2026-01-01', latest: '2027-06-01' });
    expect(paymentDateWindow({ year: 2024, agreementDrafted: '2026-12-02', today: '2027-06-01' }).earliest).toBe('2025-12-02');
    expect(paymentDateProblem('2027-06-01', window)).toBeNull();
    expect(paymentDateProblem('2027-06-02', window)).toMatchObject({ field: 'paidOn', message: expect.stringContaining('after today') });
    expect(paymentDateProblem('2025-12-31', window)).toMatchObject({ field: 'paidOn', message: expect.stringContaining('before 2026-01-01') });
  });

  it('never lets a date before the year’s advance window or after today through', () => {
    const day = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2035 }), day, day, day, (year, drafted, today, paidOn) => {
        const window = paymentDateWindow({ year, agreementDrafted: drafted, today });
        const accepted = paymentDateProblem(paidOn, window) === null;
        if (accepted) {
          expect(paidOn <= today).toBe(true);
          expect(paidOn >= `${year - 1}-01-01`).toBe(true);
        }
      }),
    );
  });
});

describe('an exact duplicate', () => {
  const recorded = [{ id: 'p1', funder: 'DOWNSTREAM' as const, direction: 'TO_UPSTREAM' as const, amount: '1000.00', paidOn: '2027-03-01', reference: 'BANK-1' }];
  it('is the same funder, direction, amount, date and reference', () => {
    expect(exactDuplicate({ funder: 'DOWNSTREAM', direction: 'TO_UPSTREAM', amount: '1000', paidOn: '2027-03-01', reference: ' bank-1 ' }, recorded)?.id).toBe('p1');
    expect(exactDuplicate({ funder: 'DOWNSTREAM', direction: 'TO_UPSTREAM', amount: '1000.01', paidOn: '2027-03-01', reference: 'BANK-1' }, recorded)).toBeNull();
    expect(exactDuplicate({ funder: 'CENTRAL', direction: 'TO_UPSTREAM', amount: '1000', paidOn: '2027-03-01', reference: 'BANK-1' }, recorded)).toBeNull();
    expect(exactDuplicate({ funder: 'DOWNSTREAM', direction: 'FROM_UPSTREAM', amount: '1000', paidOn: '2027-03-01', reference: 'BANK-1' }, recorded)).toBeNull();
    expect(exactDuplicate({ funder: 'DOWNSTREAM', direction: 'TO_UPSTREAM', amount: '1000', paidOn: '2027-03-02', reference: 'BANK-1' }, recorded)).toBeNull();
    expect(oppositeDirection('TO_UPSTREAM')).toBe('FROM_UPSTREAM');
  });
});
