import { describe, expect, it } from 'vitest';
import { agreementNavigation, monitoringEntryGap } from './agreement-navigation';

const member = (side: 'UPSTREAM' | 'DOWNSTREAM' | 'FUND' | 'OBSERVER', canEdit = false) => ({ side, canEdit, canSign: false });
const signed = { status: 'ARCHIVED' as const };

describe('which pages of an agreement a reader is shown', () => {
  it('a fund member: the four pages and the way through the fund portfolio; a manager enters results without the edit right', () => {
    expect(agreementNavigation({ role: 'FUND_ADMIN' }, member('FUND'), signed)).toEqual({ tabs: ['monitoring', 'settlements', 'ledger', 'history'], fundCrumbs: true, entersResults: true });
    expect(agreementNavigation({ role: 'MEMBER' }, member('FUND'), signed).entersResults).toBe(false);
  });

  it('a party: the four pages, no fund breadcrumb, and it enters results only with the edit right', () => {
    expect(agreementNavigation({ role: 'MEMBER' }, member('UPSTREAM', true), signed)).toEqual({ tabs: ['monitoring', 'settlements', 'ledger', 'history'], fundCrumbs: false, entersResults: true });
    expect(agreementNavigation({ role: 'MEMBER' }, member('DOWNSTREAM', false), signed).entersResults).toBe(false);
  });

  it('an observer reads and never enters, whatever its rights', () => {
    expect(agreementNavigation({ role: 'ADMIN' }, member('OBSERVER', true), signed)).toMatchObject({ fundCrumbs: false, entersResults: false });
    expect(monitoringEntryGap({ role: 'MEMBER' }, member('OBSERVER', true))).toBe('side');
    expect(monitoringEntryGap({ role: 'MEMBER' }, member('UPSTREAM'))).toBe('edit');
  });

  it('a draft or void agreement links its history only: there is nothing to administer yet', () => {
    for (const status of ['DRAFT', 'VOID'] as const)
      expect(agreementNavigation({ role: 'FUND_ADMIN' }, member('FUND'), { status })).toEqual({ tabs: ['history'], fundCrumbs: true, entersResults: false });
  });
});
