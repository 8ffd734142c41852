import { describe, expect, it } from 'vitest';
import type { PartiesSection } from '@/lib/terms';
import { netSettlement, type LedgerLine } from './ledger';
import { ledgerByParty, namedPayersOf, paidByPayer, partyNamed, partyNetting, partyTotals, sharesOfFunders } from './party-split';

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

  it('a payment naming its organisation counts for it alone; one naming none is split by the shares (docs/decisions/0110)', () => {
    const payers = [
      { id: 'henan', name: null, nameZh: '河南省', weight: '37.7' },
      { id: 'beijing', name: null, nameZh: '北京市', weight: '12.4' },
    ];
    expect(paidByPayer(payers, [{ funder: 'DOWNSTREAM', partyId: 'beijing', direction: 'TO_UPSTREAM', amount: '100.00' }])).toEqual(['0.00', '100.00']);
    // A refund to Henan nets against its payment; an older unnamed payment of 1 000 splits 752.50 / 247.50 (largest remainder).
    const mixed = paidByPayer(payers, [
      { funder: 'DOWNSTREAM', partyId: 'henan', direction: 'TO_UPSTREAM', amount: '500.00' },
      { funder: 'DOWNSTREAM', partyId: 'henan', direction: 'FROM_UPSTREAM', amount: '200.00' },
      { funder: 'DOWNSTREAM', partyId: null, direction: 'TO_UPSTREAM', amount: '1000.00' },
    ]);
    expect(mixed).toEqual(['1052.50', '247.50']);
    const netting = netSettlement({ due: '2000', shares: { CENTRAL: '0', DOWNSTREAM: '1', UPSTREAM: '0' }, paid: { DOWNSTREAM: '1300' } });
    const byParty = partyNetting(netting, middleRoute, [
      { funder: 'DOWNSTREAM', partyId: 'henan', direction: 'TO_UPSTREAM', amount: '300.00' },
      { funder: 'DOWNSTREAM', partyId: null, direction: 'TO_UPSTREAM', amount: '1000.00' },
    ]);
    expect(rows(byParty)).toEqual([
      ['receives', null, 'shiyan', '2000.00', '1300.00', '700.00'],
      ['pays', 'DOWNSTREAM', 'henan', '1504.99', '1052.50', '452.49'],
      ['pays', 'DOWNSTREAM', 'beijing', '495.01', '247.50', '247.51'],
    ]);
    // The ledger by party: paid and outstanding per organisation, adding up to the line.
    const line: LedgerLine = { agreementId: 'a', year: 2024, funder: 'DOWNSTREAM', scheduled: '2000.00', settled: '2000.00', paid: '1300.00', outstanding: '700.00' };
    const ledger = ledgerByParty([line], middleRoute, [{ agreementId: 'a', year: 2024, funder: 'DOWNSTREAM', partyId: 'beijing', direction: 'TO_UPSTREAM', amount: '1300.00' }]);
    expect(ledger.map((p) => [p.role, p.id, p.settled, p.paid, p.outstanding])).toEqual([
      ['receives', 'shiyan', '2000.00', '1300.00', '700.00'],
      ['pays', 'henan', '1504.99', '0.00', '1504.99'],
      ['pays', 'beijing', '495.01', '1300.00', '-804.99'],
    ]);
    expect(partyTotals(ledger).map((p) => [p.id, p.paid, p.outstanding])).toEqual([
      ['shiyan', '1300.00', '700.00'],
      ['henan', '0.00', '1504.99'],
      ['beijing', '1300.00', '-804.99'],
    ]);
    expect(namedPayersOf('DOWNSTREAM', middleRoute).map((p) => p.id)).toEqual(['henan', 'beijing']);
    expect(namedPayersOf('CENTRAL', middleRoute)).toEqual([]);
    expect(namedPayersOf('DOWNSTREAM', null)).toEqual([]);
    expect(partyNamed(middleRoute, 'beijing')).toEqual({ id: 'beijing', name: null, nameZh: '北京市' });
    expect(partyNamed(middleRoute, null)).toBeNull();
  });
});
