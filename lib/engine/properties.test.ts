import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, GROUPS } from './categories';
import { computeScenario, toResultJson } from './compute';
import { D, ZERO } from './decimal';
import { parseScenario, parseScenarioText, type Scenario } from './schema';
import { serializeScenario } from './serialize';
import { toYearMap } from './years';

/**
 * Random valid scenarios: a few years, items keyed by single years and by
 * ranges, subsidies, α by group with overrides, benefits and volumes.
 */
const START = 2000;

/** A decimal string with up to 2 places, built from integers so no float is involved. */
const amount = (max: number) => fc.integer({ min: 0, max }).map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
/** α strictly below 1 unless `allowOne`. */
const alphaValue = (allowOne = true) => fc.integer({ min: 0, max: allowOne ? 100 : 99 }).map((p) => (p === 100 ? '1' : `0.${String(p).padStart(2, '0')}`));

/** A values map over years START..START+n−1: consecutive segments, each a value or a gap. */
function valuesArb(n: number, value: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> {
  return fc.array(fc.record({ len: fc.integer({ min: 1, max: 4 }), value: fc.option(value, { nil: undefined }) }), { minLength: 1, maxLength: n }).map((segments) => {
    const out: Record<string, string> = {};
    let y = START;
    for (const s of segments) {
      const to = Math.min(y + s.len - 1, START + n - 1);
      if (y > START + n - 1) break;
      if (s.value !== undefined) out[y === to ? String(y) : `${y}-${to}`] = s.value;
      y = to + 1;
    }
    return out;
  });
}

function scenarioArb(opts: { alphaBelowOne?: boolean } = {}): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 1, max: 12 }).chain((n) => {
    const values = (max: number) => valuesArb(n, amount(max));
    const costItem = fc.record({ code: fc.constantFrom(...CATEGORIES), values: values(1e9) });
    return fc
      .record({
        paymentOffset: fc.integer({ min: 0, max: n - 1 }),
        catchUpYears: fc.integer({ min: 1, max: 6 }),
        discountRate: fc.constantFrom('0', '0.03', '0.035', '0.1'),
        bargainingWeight: fc.option(alphaValue(), { nil: undefined }),
        costs: fc.array(costItem, { maxLength: 6 }),
        subsidies: fc.array(costItem, { maxLength: 3 }),
        alpha: fc.dictionary(fc.constantFrom(...GROUPS), valuesArb(n, alphaValue(!opts.alphaBelowOne)), { maxKeys: 5 }),
        overrides: fc.dictionary(fc.constantFrom(...CATEGORIES), valuesArb(n, alphaValue(!opts.alphaBelowOne)), { maxKeys: 2 }),
        benefits: fc.option(fc.array(values(1e9), { minLength: 1, maxLength: 2 }), { nil: undefined }),
        downstreamCosts: fc.option(fc.array(values(1e8), { maxLength: 2 }), { nil: undefined }),
        waterVolume: fc.option(
          valuesArb(
            n,
            fc.integer({ min: 1, max: 1e6 }).map((v) => `${v}000`),
          ),
          { nil: undefined },
        ),
      })
      .map((g) => {
        const r = parseScenario({
          format: 'pes-scenario/1',
          name: 'generated',
          currency: 'CNY',
          unit: 1000,
          priceBase: 'test',
          startYear: START,
          endYear: START + n - 1,
          paymentStartYear: START + g.paymentOffset,
          catchUpYears: g.catchUpYears,
          discountRate: g.discountRate,
          bargainingWeight: g.bargainingWeight,
          costs: g.costs.map((c, i) => ({ ...c, label: `cost ${i}` })),
          subsidies: g.subsidies.map((c, i) => ({ ...c, label: `subsidy ${i}` })),
          alpha: g.alpha,
          alphaOverrides: g.overrides,
          benefits: g.benefits?.map((values, i) => ({ label: `benefit ${i}`, values })),
          downstreamCosts: g.downstreamCosts?.map((values, i) => ({ label: `downstream ${i}`, values })),
          waterVolume: g.waterVolume,
        });
        if (!r.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(r.problems)}`);
        return r.scenario;
      });
  });
}

const resultOf = (s: Scenario) => toResultJson(computeScenario(s));

describe('engine properties', () => {
  it('α = 0 gives no internal effect', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const r = computeScenario({ ...s, alpha: {}, alphaOverrides: {} });
        expect(r.years.every((y) => y.internalEffect.isZero())).toBe(true);
      }),
    );
  });

  it('raising any cost never lowers the lower bound (or the payment) when α < 1', () => {
    fc.assert(
      fc.property(
        scenarioArb({ alphaBelowOne: true }).filter((s) => s.costs.length > 0),
        fc.nat(),
        fc.nat(),
        amount(1e8).filter((v) => v !== '0.00'),
        (s, itemPick, yearPick, raise) => {
          const index = itemPick % s.costs.length;
          const year = s.startYear + (yearPick % (s.endYear - s.startYear + 1));
          const yearly = toYearMap(s.costs[index]!.values);
          yearly.set(year, (yearly.get(year) ?? ZERO).plus(raise));
          const raised = { ...s, costs: s.costs.map((c, i) => (i === index ? { ...c, values: Object.fromEntries([...yearly].map(([y, v]) => [String(y), v.toString()])) } : c)) };
          const before = computeScenario(s);
          const after = computeScenario(raised);
          after.years.forEach((y, i) => {
            expect(y.lowerBound.gte(before.years[i]!.lowerBound)).toBe(true);
            expect(y.payment.gte(before.years[i]!.payment)).toBe(true);
          });
          expect(after.years[year - s.startYear]!.lowerBound.gt(before.years[year - s.startYear]!.lowerBound)).toBe(true);
        },
      ),
    );
  });

  it('a zero rate gives a back-pay annuity equal to the plain sum over T0', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const r = computeScenario({ ...s, discountRate: '0' });
        const T = r.paymentStartYear - s.startYear;
        const plain = r.years.slice(0, T).reduce((sum, y) => sum.plus(y.lowerBound), ZERO);
        expect(r.backPayAnnuity.toString()).toBe(T === 0 ? '0' : plain.div(s.catchUpYears!).toString());
      }),
    );
  });

  it('splitting one item into two with the same total changes nothing', () => {
    fc.assert(
      fc.property(
        scenarioArb().filter((s) => s.costs.length > 0),
        fc.nat(),
        fc.integer({ min: 0, max: 100 }),
        (s, pick, percent) => {
          const index = pick % s.costs.length;
          const item = s.costs[index]!;
          const part = (v: string) => new D(v).times(percent).div(100).toDecimalPlaces(2);
          const first = { ...item, label: `${item.label} (part 1)`, values: Object.fromEntries(Object.entries(item.values).map(([k, v]) => [k, part(v).toString()])) };
          const second = { ...item, label: `${item.label} (part 2)`, values: Object.fromEntries(Object.entries(item.values).map(([k, v]) => [k, new D(v).minus(part(v)).toString()])) };
          const split = { ...s, costs: [...s.costs.slice(0, index), first, second, ...s.costs.slice(index + 1)] };
          expect(resultOf(split)).toEqual(resultOf(s));
        },
      ),
    );
  });

  it('the order of items changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.array(fc.nat()), (s, keys) => {
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
            .sort((a, b) => a.k - b.k || b.i - a.i)
            .map((e) => e.x);
        const shuffled = {
          ...s,
          costs: shuffle(s.costs),
          subsidies: shuffle(s.subsidies),
          benefits: s.benefits && shuffle(s.benefits),
          downstreamCosts: s.downstreamCosts && shuffle(s.downstreamCosts),
        };
        expect(resultOf(shuffled)).toEqual(resultOf(s));
      }),
    );
  });

  it('a scenario survives serialize → parse unchanged', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const text = serializeScenario(s);
        const back = parseScenarioText(text);
        expect(back.ok && back.scenario).toEqual(s);
        expect(back.ok && serializeScenario(back.scenario)).toBe(text);
      }),
    );
  });
});
