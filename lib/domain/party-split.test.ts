import { describe, expect, it } from 'vitest';
import type { PartiesSection } from '@/lib/terms';
import { netSettlement, type LedgerLine } from './ledger';
import { ledgerByParty, partyNetting, partyTotals, sharesOfFunders } from './party-split';

const middleRoute: PartiesSection = {
  upstream: [{ id: 'shiyan', nameZh: '十堰市' }],
  downstream: [
    { id: 'henan', nameZh: '河南省', quantity: '37.7' },
    { id: 'beijing', nameZh: '北京市', quantity: '12.4' },
  ],
};

const rows = (netting: ReturnType<typeof partyNetting>) => netting.map((p) => [p.role, p.funder, p.id, p.due, p.advances, p.balance]);

describe('a settlement by party', () => {
  it('without named funders, the downstream parties pay the downstream line by their quantities', () => {
    const netting = netSettlement({ due: '1000000', shares: { CENTRAL: '0', DOWNSTREAM: '1', UPSTREAM: '0' }, paid: { DOWNSTREAM: '100000' } });
    expect(rows(partyNetting(netting, middleRoute))).toEqual([
      ['receives', null, 'shiyan', '1000000.00', '100000.00', '900000.00'],
      ['pays', 'DOWNSTREAM', 'henan', '752495.01', '75249.50', '677245.51'],
      ['pays', 'DOWNSTREAM', 'beijing', '247504.99', '24750.50', '222754.49'],
    ]);
  });

  it('a negative payment (the upstream side pays) is owed to the downstream parties by the same shares', () => {
    const netting = netSettlement({ due: '-501', shares: { CENTRAL: '0.5', DOWNSTREAM: '0.5', UPSTREAM: '0' }, paid: {} });
    const split = partyNetting(netting, middleRoute);
    expect(rows(split)).toEqual([
      ['receives', null, 'shiyan', '-501.00', '0.00', '-501.00'],
      ['pays', 'DOWNSTREAM', 'henan', '-377.00', '0.00', '-377.00'],
      ['pays', 'DOWNSTREAM', 'beijing', '-124.00', '0.00', '-124.00'],
    ]);
  });

  it('named funders pay their lines; the central line without one is the unnamed central government', () => {
    const withFunders: PartiesSection = {
      ...middleRoute,
      funders: [
        { id: 'henan', kind: 'downstream', share: '0.6' },
        { id: 'beijing', kind: 'downstream', share: '0.4' },
      ],
    };
    expect(sharesOfFunders(withFunders)).toEqual({ CENTRAL: '0', DOWNSTREAM: '1', UPSTREAM: '0' });
    expect(sharesOfFunders(middleRoute)).toBeNull();
    const netting = netSettlement({ due: '100', shares: { CENTRAL: '0.5', DOWNSTREAM: '0.5', UPSTREAM: '0' }, paid: {} });
    expect(rows(partyNetting(netting, withFunders)).slice(1)).toEqual([
      ['pays', 'CENTRAL', null, '50.00', '0.00', '50.00'],
      ['pays', 'DOWNSTREAM', 'henan', '30.00', '0.00', '30.00'],
      ['pays', 'DOWNSTREAM', 'beijing', '20.00', '0.00', '20.00'],
    ]);
  });

  it('the ledger by party splits each line, and the totals add up per organisation', () => {
    const line = (year: number, settled: string | null): LedgerLine => ({ agreementId: 'a', year, funder: 'DOWNSTREAM', scheduled: '100.00', settled, paid: '0.00', outstanding: settled });
    const byParty = ledgerByParty([line(2024, '100.01'), line(2025, null)], middleRoute);
    expect(byParty.map((p) => [p.year, p.role, p.id, p.scheduled, p.settled])).toEqual([
      [2024, 'receives', 'shiyan', '100.00', '100.01'],
      [2024, 'pays', 'henan', '75.25', '75.26'],
      [2024, 'pays', 'beijing', '24.75', '24.75'],
      [2025, 'receives', 'shiyan', '100.00', null],
      [2025, 'pays', 'henan', '75.25', null],
      [2025, 'pays', 'beijing', '24.75', null],
    ]);
    expect(partyTotals(byParty).map((p) => [p.role, p.id, p.scheduled, p.settled])).toEqual([
      ['receives', 'shiyan', '200.00', '100.01'],
      ['pays', 'henan', '150.50', '75.26'],
      ['pays', 'beijing', '49.50', '24.75'],
    ]);
  });
});
