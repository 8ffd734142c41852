import { describe, expect, it } from 'vitest';
import { amendTerms, proposalOfForm, sharesOfTerms, termsInForce, type SignedAmendment } from './amendments';

const signed = { monitoring: { tp: { labs: 'both' as const, tolerance: { absolute: '0.005' } } }, fundingShares: { central: '0.5', downstream: '0.5', upstream: '0' } };
const at = (iso: string) => new Date(iso);

describe('the terms in force for a year', () => {
  const first: SignedAmendment = { number: 1, effectiveFrom: 2024, signedAt: at('2026-01-01'), changes: { monitoring: { tp: { tolerance: { relative: '0.1' } } } } };
  const second: SignedAmendment = { number: 2, effectiveFrom: 2026, signedAt: at('2026-02-01'), changes: { fundingShares: { downstream: '1' } } };

  it('keeps the signed rules before an amendment’s first year and lays it over them from then on', () => {
    expect(termsInForce(signed, [first, second], 2023)).toEqual(signed);
    // A changed tolerance replaces the signed one whole; the other fields of the rule stay.
    expect(termsInForce(signed, [first, second], 2024).monitoring).toEqual({ tp: { labs: 'both', tolerance: { relative: '0.1' } } });
    expect(termsInForce(signed, [first, second], 2025).fundingShares).toEqual(signed.fundingShares);
    // Changed shares replace the split: a funder left out has share 0.
    expect(sharesOfTerms(termsInForce(signed, [second, first], 2026).fundingShares!)).toEqual({ CENTRAL: '0', DOWNSTREAM: '1', UPSTREAM: '0' });
  });

  it('applies amendments in the order they were signed', () => {
    const later: SignedAmendment = { number: 3, effectiveFrom: 2024, signedAt: at('2026-03-01'), changes: { monitoring: { tp: { tolerance: {} } } } };
    expect(termsInForce(signed, [later, first], 2025).monitoring?.tp?.tolerance).toEqual({});
    expect(amendTerms({}, { monitoring: { tp: { direction: 'higher' } } })).toEqual({ monitoring: { tp: { direction: 'higher' } } });
  });

  it('turns the page’s form into a proposal: empty tolerance parts left out, empty shares 0', () => {
    const form = { indicator: 'tp', absolute: '', relative: '0.1', central: '', downstream: '1', upstream: '', effectiveFrom: 2026, reason: 'why' };
    expect(proposalOfForm({ ...form, kind: 'tolerance' }).changes).toEqual({ monitoring: { tp: { tolerance: { relative: '0.1' } } } });
    expect(proposalOfForm({ ...form, kind: 'shares' }).changes).toEqual({ fundingShares: { central: '0', downstream: '1', upstream: '0' } });
  });
});
