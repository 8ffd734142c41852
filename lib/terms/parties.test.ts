import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TD } from './decimal';
import { funderKindShares, partyFractions, splitAmongParties, splitAmount, splitByParties, type PartiesSection } from './parties';
import { parseTerms } from './schema';

const twoWay = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/two-way-terms.json'), 'utf8')) as Record<string, unknown>;
const codes = (outcome: ReturnType<typeof parseTerms>) => (outcome.ok ? [] : outcome.problems.map((p) => `${p.path} ${p.code}`));

// The Middle Route's receiving provinces by their allocation of the first phase (亿立方米, illustrative).
const middleRoute = {
  upstream: [{ id: 'shiyan', name: 'Shiyan', nameZh: '十堰市' }],
  downstream: [
    { id: 'henan', name: 'Henan', nameZh: '河南省', quantity: '37.7' },
    { id: 'hebei', name: 'Hebei', nameZh: '河北省', quantity: '34.7' },
    { id: 'beijing', name: 'Beijing', nameZh: '北京市', quantity: '12.4' },
    { id: 'tianjin', name: 'Tianjin', nameZh: '天津市', quantity: '10.2' },
  ],
  funders: [
    { id: 'central', kind: 'central', nameZh: '中央财政', share: '0.5' },
    { id: 'henan', kind: 'downstream', share: '0.2' },
    { id: 'hebei', kind: 'downstream', share: '0.3' },
  ],
  quantityUnit: '亿立方米',
};

describe('the parties section of payment-terms/1', () => {
  it('an older document without it parses as before: one party per side', () => {
    const outcome = parseTerms(twoWay);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect('parties' in outcome.terms).toBe(false);
  });

  it('reads shares and quantities as written', () => {
    const outcome = parseTerms({ ...twoWay, parties: middleRoute });
    expect(codes(outcome)).toEqual([]);
    if (!outcome.ok) return;
    expect(outcome.terms.parties).toEqual(middleRoute);
    expect(funderKindShares(outcome.terms.parties!.funders!)).toEqual({ central: new TD('0.5'), downstream: new TD('0.5'), upstream: new TD(0) });
  });

  it('agrees with fundingShares when both are stated, and refuses two different splits', () => {
    expect(codes(parseTerms({ ...twoWay, parties: middleRoute, fundingShares: { central: '0.5', downstream: '0.5' } }))).toEqual([]);
    expect(codes(parseTerms({ ...twoWay, parties: middleRoute, fundingShares: { central: '0.6', downstream: '0.4' } }))).toEqual([
      'parties.funders engine.fundersDisagree',
      'parties.funders engine.fundersDisagree',
    ]);
  });

  it('refuses what a signed split cannot mean, each at its place', () => {
    const outcome = parseTerms({
      ...twoWay,
      parties: {
        upstream: [
          { id: 'a', share: '0.6' },
          { id: 'b', share: '0.6' },
        ],
        downstream: [{ id: 'a', share: '1', quantity: '3' }, { id: 'c' }, { id: 'c', share: 0.5 }],
        funders: [{ id: 'x', kind: 'province', share: '1.5', colour: 'red' }],
        quantityUnit: 12,
        others: [],
      },
    });
    expect(codes(outcome).sort()).toEqual(
      [
        'parties.others engine.keyed',
        'parties.upstream engine.sharesAddUpTo',
        'parties.downstream[0] engine.shareAndQuantity',
        'parties.downstream[2].id engine.duplicateParty',
        'parties.downstream[2].share engine.writeAsString',
        'parties.downstream[0].id engine.partyOnBothSides',
        'parties.funders[0].colour engine.keyed',
        'parties.funders[0].kind engine.notOneOf',
        'parties.funders[0].share engine.shareBetween',
        'parties.quantityUnit engine.unitAsText',
      ].sort(),
    );
  });

  it('needs both sides, a share or quantity for each of several parties, and one way per list', () => {
    expect(codes(parseTerms({ ...twoWay, parties: { upstream: [] } }))).toEqual(['parties.upstream engine.atLeastOneParty', 'parties.downstream engine.missingRequired']);
    expect(codes(parseTerms({ ...twoWay, parties: { upstream: [{ id: 'a' }], downstream: [{ id: 'b' }, { id: 'c' }] } }))).toEqual(['parties.downstream engine.sharesNotStated']);
    expect(
      codes(
        parseTerms({
          ...twoWay,
          parties: {
            upstream: [{ id: 'a' }],
            downstream: [
              { id: 'b', share: '1' },
              { id: 'c', quantity: '2' },
            ],
          },
        }),
      ),
    ).toEqual(['parties.downstream engine.sharesMixed']);
    expect(
      codes(
        parseTerms({
          ...twoWay,
          parties: {
            upstream: [{ id: 'a' }],
            downstream: [
              { id: 'b', quantity: '0' },
              { id: 'c', quantity: '0' },
            ],
          },
        }),
      ),
    ).toEqual(['parties.downstream engine.quantitiesAllZero']);
    expect(codes(parseTerms({ ...twoWay, parties: { upstream: [{ id: ' ' }], downstream: [{ id: 'b', quantity: '-1' }] } }))).toEqual([
      'parties.upstream[0].id engine.mustNotBeEmpty',
      'parties.downstream[0].quantity engine.quantityNegative',
    ]);
    expect(codes(parseTerms({ ...twoWay, parties: [] }))).toEqual(['parties engine.expectedGot']);
  });
});

describe('splitting an amount to the fen', () => {
  it('splits the Middle Route payment by allocation, the parts adding up exactly', () => {
    const parts = splitAmongParties('100000000', middleRoute.downstream);
    expect(parts.map((p) => p.amount)).toEqual(['39684210.53', '36526315.79', '13052631.58', '10736842.10']);
    expect(parts.reduce((s, p) => s.plus(p.amount), new TD(0)).toFixed(2)).toBe('100000000.00');
    expect(parts[0]!.fraction).toBe(new TD('37.7').div('95').toSignificantDigits(40).toString());
    expect(parts[0]).toMatchObject({ id: 'henan', name: 'Henan', nameZh: '河南省' });
  });

  it('gives the leftover fen to the largest remainders, equal ones to the earlier party', () => {
    expect(splitAmount('0.01', ['1', '1', '1']).map(String)).toEqual(['0.01', '0', '0']);
    expect(splitAmount('0.02', ['1', '1', '1']).map(String)).toEqual(['0.01', '0.01', '0']);
    expect(splitAmount('100', ['1', '1', '1']).map((d) => d.toFixed(2))).toEqual(['33.34', '33.33', '33.33']);
    expect(splitAmount('1.00', ['0.1', '0.2', '0.7']).map((d) => d.toFixed(2))).toEqual(['0.10', '0.20', '0.70']);
    expect(splitAmount('0.05', ['1', '2']).map((d) => d.toFixed(2))).toEqual(['0.02', '0.03']);
  });

  it('rounds the amount half-up to the fen first, and splits a negative amount as its magnitude', () => {
    expect(splitAmount('10.005', ['1']).map((d) => d.toFixed(2))).toEqual(['10.01']);
    expect(splitAmount('-100', ['1', '1', '1']).map((d) => d.toFixed(2))).toEqual(['-33.34', '-33.33', '-33.33']);
    expect(splitAmount('-0.01', ['1', '1']).map((d) => d.toFixed(2))).toEqual(['-0.01', '0.00']);
  });

  it('gives a party of weight 0 nothing, and refuses weights that share nothing', () => {
    expect(splitAmount('1', ['0', '3']).map((d) => d.toFixed(2))).toEqual(['0.00', '1.00']);
    expect(() => splitAmount('1', ['0', '0'])).toThrow(RangeError);
    expect(() => splitAmount('1', ['-1', '2'])).toThrow(RangeError);
    expect(() => splitAmount('1', [])).toThrow(RangeError);
  });

  it('splits every list of the section', () => {
    const split = splitByParties('1000', middleRoute as PartiesSection);
    expect(split.upstream.map((p) => p.amount)).toEqual(['1000.00']);
    expect(split.funders!.map((p) => [p.id, p.kind, p.amount])).toEqual([
      ['central', 'central', '500.00'],
      ['henan', 'downstream', '200.00'],
      ['hebei', 'downstream', '300.00'],
    ]);
  });

  const amount = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((fen) => new TD(fen.toString()).div(100));
  const quantities = fc.array(
    fc.integer({ min: 0, max: 10 ** 6 }).map((q) => new TD(q).div(10)),
    { minLength: 1, maxLength: 12 },
  );

  it('property: the parts always add up to the amount to the fen', () => {
    fc.assert(
      fc.property(amount, quantities, (a, qs) => {
        fc.pre(qs.some((q) => !q.isZero()));
        const parts = splitAmount(a, qs);
        expect(parts.reduce((s, p) => s.plus(p), new TD(0)).toFixed(2)).toBe(a.toFixed(2));
        for (const p of parts) expect(p.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('property: each part is within a fen of its exact share, and of the same sign as the amount', () => {
    fc.assert(
      fc.property(amount, quantities, (a, qs) => {
        fc.pre(qs.some((q) => !q.isZero()));
        const total = qs.reduce((s, q) => s.plus(q), new TD(0));
        splitAmount(a, qs).forEach((part, i) => {
          const exact = a.times(qs[i]!).div(total);
          expect(part.minus(exact).abs().lessThan('0.01')).toBe(true);
          if (!part.isZero()) expect(part.isNegative()).toBe(a.isNegative());
        });
      }),
    );
  });

  it('property: shares that add up to 1 split like the quantities they stand for, and the fractions add up to 1', () => {
    fc.assert(
      fc.property(amount, quantities, (a, qs) => {
        fc.pre(qs.some((q) => !q.isZero()));
        const parties = qs.map((q, i) => ({ id: `p${i}`, quantity: q.toString() }));
        const fractions = partyFractions(parties);
        expect(
          fractions
            .reduce((s, f) => s.plus(f), new TD(0))
            .minus(1)
            .abs()
            .lessThan('1e-60'),
        ).toBe(true);
        // Quantities scaled by any factor split alike.
        const scaled = qs.map((q) => q.times(7));
        expect(splitAmount(a, scaled).map(String)).toEqual(splitAmount(a, qs).map(String));
      }),
    );
  });

  it('property: shares must add up to exactly 1 for the document to parse', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 6 }), (percents) => {
        const total = percents.reduce((s, p) => s + p, 0);
        const outcome = parseTerms({
          ...twoWay,
          parties: { upstream: [{ id: 'u' }], downstream: percents.map((p, i) => ({ id: `d${i}`, share: new TD(p).div(100).toString() })) },
        });
        expect(outcome.ok).toBe(total === 100);
      }),
      { numRuns: 50 },
    );
  });
});
