import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildLedger,
  checkPayment,
  defaultShares,
  fenText,
  isYearClosed,
  netSettlement,
  owedInDirection,
  parsePaymentAmount,
  parseShares,
  splitByShares,
  toFen,
  totalsOf,
  type Shares,
} from './ledger';

const xinan: Shares = { CENTRAL: '0.6', DOWNSTREAM: '0.2', UPSTREAM: '0.2' };
const thirds: Shares = { CENTRAL: '0.3333', DOWNSTREAM: '0.3333', UPSTREAM: '0.3334' };

describe('fen arithmetic', () => {
  it('rounds half up to the fen, never through a binary double', () => {
    expect(fenText('0.125')).toBe('0.13');
    expect(fenText('0.135')).toBe('0.14');
    expect(fenText('-0.125')).toBe('-0.13');
    expect(fenText('-0.001')).toBe('0.00');
    // 0.1 + 0.2 in doubles is 0.30000000000000004; here it is exact.
    expect(toFen(new Decimal('0.1').plus('0.2')).toFixed(2)).toBe('0.30');
    expect(fenText('123456789012345678.005')).toBe('123456789012345678.01');
  });
});

describe('funding shares', () => {
  it('reads shares that add up to exactly 1, and lists every problem', () => {
    expect(parseShares({ CENTRAL: '0.6', DOWNSTREAM: '0.2', UPSTREAM: '0.2' })).toEqual({ ok: true, shares: xinan });
    expect(parseShares({ DOWNSTREAM: '1' })).toEqual({ ok: true, shares: defaultShares });
    expect(parseShares({ CENTRAL: '0.5', DOWNSTREAM: '0.4' })).toMatchObject({ ok: false, problems: [{ field: 'shares', message: 'the shares add up to 0.9; they must add up to exactly 1' }] });
    expect(parseShares({ CENTRAL: 'half', UPSTREAM: '2', PROVINCE: '0.1' })).toMatchObject({
      ok: false,
      problems: [{ field: 'PROVINCE' }, { field: 'CENTRAL', message: '"half" is not a decimal number' }, { field: 'UPSTREAM' }],
    });
  });

  it('splits an amount to the fen, the parts adding up to it exactly', () => {
    const parts = splitByShares('100.00', thirds);
    expect([parts.CENTRAL.toFixed(2), parts.DOWNSTREAM.toFixed(2), parts.UPSTREAM.toFixed(2)]).toEqual(['33.33', '33.33', '33.34']);
    const odd = splitByShares('0.05', { CENTRAL: '0.5', DOWNSTREAM: '0.5', UPSTREAM: '0' });
    // 0.025 rounds half up to 0.03 each: 0.06, one fen too many, taken back from the first largest share.
    expect([odd.CENTRAL.toFixed(2), odd.DOWNSTREAM.toFixed(2)]).toEqual(['0.02', '0.03']);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (fen, a, b) => {
        fc.pre(a + b <= 10_000);
        const shares: Shares = {
          CENTRAL: (a / 10_000).toString(),
          DOWNSTREAM: (b / 10_000).toString(),
          UPSTREAM: new Decimal(1)
            .minus(a / 10_000)
            .minus(b / 10_000)
            .toString(),
        };
        const amount = new Decimal(fen.toString()).dividedBy(100);
        const split = splitByShares(amount, shares);
        const total = split.CENTRAL.plus(split.DOWNSTREAM).plus(split.UPSTREAM);
        expect(total.toFixed(2)).toBe(amount.toFixed(2));
        for (const part of [split.CENTRAL, split.DOWNSTREAM, split.UPSTREAM]) expect(part.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('owes a negative amount (the upstream party pays) to the downstream party alone', () => {
    const parts = splitByShares('-200000000', xinan);
    expect([parts.CENTRAL.toFixed(2), parts.DOWNSTREAM.toFixed(2), parts.UPSTREAM.toFixed(2)]).toEqual(['0.00', '-200000000.00', '0.00']);
  });
});

describe('netting a settlement against advances', () => {
  it('nets each funder’s advance against its part of the amount due', () => {
    const net = netSettlement({ due: '100000000', shares: xinan, paid: { CENTRAL: '36000000', DOWNSTREAM: '12000000' } });
    expect(net).toEqual({
      due: '100000000.00',
      direction: 'TO_UPSTREAM',
      advances: '48000000.00',
      balance: '52000000.00',
      funders: [
        { funder: 'CENTRAL', due: '60000000.00', advances: '36000000.00', balance: '24000000.00' },
        { funder: 'DOWNSTREAM', due: '20000000.00', advances: '12000000.00', balance: '8000000.00' },
        { funder: 'UPSTREAM', due: '20000000.00', advances: '0.00', balance: '20000000.00' },
      ],
    });
  });

  it('turns an advance larger than what is due into a refund', () => {
    const net = netSettlement({ due: '50000000.004', shares: defaultShares, paid: { DOWNSTREAM: '60000000' } });
    expect(net).toMatchObject({ due: '50000000.00', advances: '60000000.00', balance: '-10000000.00' });
    expect(net.funders.find((f) => f.funder === 'DOWNSTREAM')!.balance).toBe('-10000000.00');
  });

  it('refunds every advance and owes downstream when the water got worse', () => {
    const net = netSettlement({ due: '-1000', shares: xinan, paid: { CENTRAL: '600', DOWNSTREAM: '200' } });
    expect(net).toMatchObject({ due: '-1000.00', direction: 'FROM_UPSTREAM', advances: '800.00', balance: '-1800.00' });
    expect(net.funders.map((f) => f.balance)).toEqual(['-600.00', '-1200.00', '0.00']);
  });

  it('always balances: due − advances = balance, per funder and in total', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (due, advance) => {
        const net = netSettlement({ due: new Decimal(due.toString()).dividedBy(1000), shares: xinan, paid: { CENTRAL: new Decimal(advance.toString()).dividedBy(100).toString() } });
        expect(new Decimal(net.due).minus(net.advances).toFixed(2)).toBe(net.balance);
        for (const f of net.funders) expect(new Decimal(f.due).minus(f.advances).toFixed(2)).toBe(f.balance);
      }),
    );
  });
});

describe('payments', () => {
  it('reads amounts to the fen only', () => {
    expect(parsePaymentAmount('1234.5')).toMatchObject({ ok: true });
    expect(parsePaymentAmount('1234.567')).toMatchObject({ ok: false, message: '1234.567 has more than two decimals: amounts are to the fen' });
    expect(parsePaymentAmount('1e22')).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) });
    expect(parsePaymentAmount('9999999999999999999999.99')).toMatchObject({ ok: true });
    expect(parsePaymentAmount('1,234')).toMatchObject({ ok: false });
    expect(parsePaymentAmount('0')).toMatchObject({ ok: false });
    expect(parsePaymentAmount('-5')).toMatchObject({ ok: false });
  });

  it('owes against the settlement once confirmed, against the schedule before', () => {
    expect(owedInDirection({ scheduled: '100', settled: null, paid: '30' }, 'TO_UPSTREAM').toFixed(2)).toBe('70.00');
    expect(owedInDirection({ scheduled: '100', settled: '80', paid: '90' }, 'TO_UPSTREAM').toFixed(2)).toBe('0.00');
    expect(owedInDirection({ scheduled: '100', settled: '80', paid: '90' }, 'FROM_UPSTREAM').toFixed(2)).toBe('10.00');
  });

  it('refuses an overpayment without a note, and records it with one', () => {
    const line = { scheduled: '100', settled: '80.00', paid: '30.00' };
    expect(checkPayment({ line, direction: 'TO_UPSTREAM', amount: '50.00' })).toEqual({ ok: true, amount: '50.00', overpayment: null });
    expect(checkPayment({ line, direction: 'TO_UPSTREAM', amount: '50.01' })).toMatchObject({
      ok: false,
      problems: [{ field: 'amount', message: '50.01 is more than the outstanding balance in this direction (50.00) by 0.01: correct the amount, or add an overpayment note to record it anyway' }],
    });
    expect(checkPayment({ line, direction: 'TO_UPSTREAM', amount: '50.01', overpaymentNote: '  ' })).toMatchObject({ ok: false });
    expect(checkPayment({ line, direction: 'TO_UPSTREAM', amount: '50.01', overpaymentNote: 'bank charges prepaid' })).toEqual({ ok: true, amount: '50.01', overpayment: '0.01' });
    expect(checkPayment({ line, direction: 'FROM_UPSTREAM', amount: '1' })).toMatchObject({ ok: false });
  });
});

describe('the ledger', () => {
  const years = [
    { agreementId: 'a', year: 2022, scheduled: '100000000', shares: xinan, settled: { CENTRAL: '54000000.00', DOWNSTREAM: '18000000.00', UPSTREAM: '18000000.00' } },
    { agreementId: 'a', year: 2023, scheduled: '100000000', shares: xinan, settled: null },
    { agreementId: 'b', year: 2023, scheduled: '0.03', shares: thirds, settled: null },
  ];
  const payments = [
    { agreementId: 'a', year: 2022, funder: 'CENTRAL' as const, direction: 'TO_UPSTREAM' as const, amount: '54000000.00' },
    { agreementId: 'a', year: 2022, funder: 'DOWNSTREAM' as const, direction: 'TO_UPSTREAM' as const, amount: '20000000.00' },
    { agreementId: 'a', year: 2023, funder: 'CENTRAL' as const, direction: 'TO_UPSTREAM' as const, amount: '30000000.00' },
    { agreementId: 'c', year: 2021, funder: 'DOWNSTREAM' as const, direction: 'FROM_UPSTREAM' as const, amount: '0.01' },
  ];

  it('lists scheduled, settled, paid and outstanding per agreement, year and funder', () => {
    const lines = buildLedger({ years, payments });
    expect(lines.filter((l) => l.agreementId === 'a' && l.year === 2022)).toEqual([
      { agreementId: 'a', year: 2022, funder: 'CENTRAL', scheduled: '60000000.00', settled: '54000000.00', paid: '54000000.00', outstanding: '0.00' },
      { agreementId: 'a', year: 2022, funder: 'DOWNSTREAM', scheduled: '20000000.00', settled: '18000000.00', paid: '20000000.00', outstanding: '-2000000.00' },
      { agreementId: 'a', year: 2022, funder: 'UPSTREAM', scheduled: '20000000.00', settled: '18000000.00', paid: '0.00', outstanding: '18000000.00' },
    ]);
    // 0.03 split in thirds of 0.3333/0.3333/0.3334: 0.01 each.
    expect(lines.filter((l) => l.agreementId === 'b').map((l) => l.scheduled)).toEqual(['0.01', '0.01', '0.01']);
    // A payment for a year the input does not list still shows.
    expect(lines.filter((l) => l.agreementId === 'c')).toEqual([{ agreementId: 'c', year: 2021, funder: 'DOWNSTREAM', scheduled: '0.00', settled: null, paid: '-0.01', outstanding: null }]);
  });

  it('adds up to the fen, per agreement and for the portfolio', () => {
    const lines = buildLedger({ years, payments });
    expect(totalsOf(lines.filter((l) => l.agreementId === 'a'))).toEqual({
      scheduled: '200000000.00',
      settled: '90000000.00',
      paid: '104000000.00',
      advances: '30000000.00',
      outstanding: '16000000.00',
      owedToUpstream: '18000000.00',
      owedByUpstream: '2000000.00',
    });
    expect(totalsOf(lines)).toMatchObject({ scheduled: '200000000.03', paid: '103999999.99', advances: '29999999.99' });
  });

  it('keeps paid = Σ signed payments and outstanding = settled − paid for any payments', () => {
    const payment = fc.record({
      year: fc.constantFrom(2022, 2023),
      funder: fc.constantFrom('CENTRAL' as const, 'DOWNSTREAM' as const, 'UPSTREAM' as const),
      direction: fc.constantFrom('TO_UPSTREAM' as const, 'FROM_UPSTREAM' as const),
      fen: fc.bigInt({ min: 1n, max: 10n ** 13n }),
    });
    fc.assert(
      fc.property(fc.array(payment, { maxLength: 20 }), (ps) => {
        const list = ps.map((p) => ({ agreementId: 'a', year: p.year, funder: p.funder, direction: p.direction, amount: new Decimal(p.fen.toString()).dividedBy(100).toFixed(2) }));
        const lines = buildLedger({ years: years.slice(0, 2), payments: list });
        const expected = list.reduce((s, p) => (p.direction === 'TO_UPSTREAM' ? s.plus(p.amount) : s.minus(p.amount)), new Decimal(0));
        expect(totalsOf(lines).paid).toBe(expected.toFixed(2));
        for (const l of lines) if (l.settled !== null) expect(new Decimal(l.settled).minus(l.paid).toFixed(2)).toBe(l.outstanding);
      }),
    );
  });
});

describe('closed years', () => {
  it('closes a year at midnight in Beijing', () => {
    expect(isYearClosed(2025, new Date('2025-12-31T15:59:59Z'))).toBe(false);
    expect(isYearClosed(2025, new Date('2025-12-31T16:00:00Z'))).toBe(true);
    expect(isYearClosed(2026, new Date('2026-06-01T00:00:00Z'))).toBe(false);
  });
});
