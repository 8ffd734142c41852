import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, ZERO, type Dec } from './decimal';
import { fairnessRows, type NegotiationVersion } from './negotiation';
import { fairnessByParty, offerByParty, partsOf, sideFractions, zoneByParty, type NegotiationParties, type NegotiationParty } from './party-shares';

// The Middle Route's receiving provinces by their allocation (亿立方米, illustrative), one source area.
const middleRoute: NegotiationParties = {
  upstream: [{ id: 'shiyan', weight: '1' }],
  downstream: [
    { id: 'henan', weight: '37.7' },
    { id: 'hebei', weight: '34.7' },
    { id: 'beijing', weight: '12.4' },
    { id: 'tianjin', weight: '10.2' },
  ],
};
const sum = (values: readonly Dec[]) => values.reduce((s, v) => s.plus(v), ZERO);
/**
 * Equal to the engine's precision (40 significant digits; a sum of a few parts may lose the last
 * ones), measured against the largest amount that went into them: a difference of two parts
 * (upper − payment) is only as exact as the parts themselves, not as its own small size.
 */
const close = (a: Dec, b: Dec, ...operands: Dec[]) =>
  a
    .minus(b)
    .abs()
    .lessThanOrEqualTo(new D('1e-30').times(D.max(1, a.abs(), b.abs(), ...operands.map((o) => o.abs()))));

const amount = fc.integer({ min: -1e12, max: 1e12 }).map((cents) => new D(cents).div(100));
const side = fc
  .array(
    fc.integer({ min: 0, max: 1e6 }).map((q) => new D(q).div(10).toString()),
    { minLength: 1, maxLength: 8 },
  )
  .filter((ws) => ws.some((w) => w !== '0'))
  .map((ws): NegotiationParty[] => ws.map((weight, i) => ({ id: `p${i}`, weight })));

describe('parts of a side', () => {
  it('follow the allocation, and the fractions add up to exactly 1', () => {
    const fractions = sideFractions(middleRoute.downstream);
    expect(fractions[0]!.toString()).toBe(new D('37.7').div('95').toString());
    expect(sum(fractions).toString()).toBe('1');
    const parts = partsOf(new D('950'), middleRoute.downstream);
    expect(parts.map((p) => p.amount.toString())).toEqual(['377', '347', '124', '102']);
  });

  it('refuses a side without parties or with nothing to share by', () => {
    expect(() => sideFractions([])).toThrow(RangeError);
    expect(() => sideFractions([{ id: 'a', weight: '0' }])).toThrow(RangeError);
    expect(() =>
      sideFractions([
        { id: 'a', weight: '-1' },
        { id: 'b', weight: '2' },
      ]),
    ).toThrow(RangeError);
  });

  it('property: the parts add up to the amount exactly, each within rounding of amount × fraction', () => {
    fc.assert(
      fc.property(amount, side, (a, parties) => {
        const parts = partsOf(a, parties);
        expect(close(sum(parts.map((p) => p.amount)), a)).toBe(true);
        for (const p of parts) expect(p.amount.minus(a.times(p.fraction)).abs().lessThan('1e-20')).toBe(true);
      }),
    );
  });
});

describe('the bargaining zone and offers by party', () => {
  it('each upstream party’s part of the lower bound and each downstream party’s of the upper bound and of what it pays', () => {
    const zone = zoneByParty({ lower: new D(100), upper: new D(190), suggested: new D(140) }, { ...middleRoute, centralShare: '0.5' });
    expect(zone.upstream).toEqual([{ id: 'shiyan', fraction: new D(1), lower: new D(100), suggested: new D(140) }]);
    expect(zone.central!.toString()).toBe('70');
    expect(close(sum(zone.downstream.map((p) => p.suggested!)), new D(70))).toBe(true);
    expect(close(sum(zone.downstream.map((p) => p.upper!)), new D(190))).toBe(true);
    expect(close(zone.downstream[0]!.upper!, new D('75.4'))).toBe(true);
    const open = zoneByParty({ lower: new D(100), upper: null, suggested: null }, middleRoute);
    expect(open.downstream.every((p) => p.upper === null && p.suggested === null)).toBe(true);
    expect(open.central).toBeNull();
  });

  it('property: an offer by party adds up to the offer, and the parties’ distances to the side’s', () => {
    fc.assert(
      fc.property(amount, amount, fc.option(amount, { nil: null }), side, side, fc.integer({ min: 0, max: 100 }), (offered, lower, upper, upstream, downstream, percent) => {
        const parties = { upstream, downstream, centralShare: new D(percent).div(100).toString() };
        const split = offerByParty(offered, { lower, upper }, parties);
        expect(close(sum(split.upstream.map((p) => p.offered)), offered)).toBe(true);
        expect(close(sum(split.upstream.map((p) => p.aboveLower)), offered.minus(lower), offered, lower)).toBe(true);
        expect(close(sum(split.downstream.map((p) => p.pays)).plus(split.central), offered)).toBe(true);
        if (upper === null) expect(split.downstream.every((p) => p.belowUpper === null)).toBe(true);
        else expect(close(sum(split.downstream.map((p) => p.belowUpper!)), upper.minus(offered.minus(split.central)), upper, offered)).toBe(true);
      }),
      {
        // Found by the property: parts near 1e10 whose difference is small (offered − lower ≈ −1.5).
        examples: [
          [new D('9999999998.37'), new D('9999999999.86'), null, ['73370.8', '6250.5', '0.7', '0.6', '56085.4'].map((weight, i) => ({ id: `p${i}`, weight })), [{ id: 'p0', weight: '0.1' }], 0],
        ],
      },
    );
  });
});

describe('the fairness shares by party', () => {
  const version: NegotiationVersion = {
    unit: 1,
    paymentStartYear: 2021,
    periods: [],
    years: [
      {
        year: 2021,
        lowerBound: '100',
        upperBound: '300',
        payment: '100',
        waterVolume: null,
        directCost: '80',
        opportunityCost: '40',
        subsidies: '20',
        internalEffect: '10',
        benefits: '400',
        downstreamCosts: '5',
      },
    ],
  };
  const row = fairnessRows(version, new D('0.5'), 'all').at(-1)!;

  it('one party per side reads as the sides do', () => {
    const byParty = fairnessByParty(row, { upstream: [{ id: 'u', weight: '1' }], downstream: [{ id: 'd', weight: '1' }] });
    expect(byParty.cost.map((p) => [p.side, p.share])).toEqual([
      ['upstream', row.cost!.upstream],
      ['downstream', row.cost!.downstream],
      ['central', row.cost!.central],
    ]);
    expect(byParty.benefit!.map((p) => p.share)).toEqual([row.benefit!.upstream, row.benefit!.downstream, row.benefit!.central]);
  });

  it('splits each side among its parties, and a central share of the payments moves that part to the central government', () => {
    const byParty = fairnessByParty(row, { ...middleRoute, centralShare: '0.5' });
    // Paid: 100 + 0.5 · (300 − 100) = 200, half of it by the central government.
    expect(byParty.payment.find((p) => p.id === 'central')!.amount.toString()).toBe('120');
    expect(close(sum(byParty.payment.filter((p) => p.side === 'downstream').map((p) => p.amount)), new D(100))).toBe(true);
    expect(
      sum(byParty.cost.map((p) => p.share!))
        .minus(1)
        .abs()
        .lessThan('1e-30'),
    ).toBe(true);
    expect(byParty.benefit!.filter((p) => p.side === 'downstream').map((p) => p.id)).toEqual(['henan', 'hebei', 'beijing', 'tianjin']);
  });
});
