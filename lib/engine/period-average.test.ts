import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeScenario } from './compute';
import { D, ZERO, type Dec } from './decimal';
import { shiyanScenario } from './fixtures';
import { periodAverage, sumOrNull } from './period-average';

const decimal = fc.integer({ min: -1e12, max: 1e12 }).map((cents) => new D(cents).div(100));

describe('the period-average rule (decision 0103)', () => {
  it('is the mean of the years when every year has a value', () => {
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 60 }), (values) => {
        const total = values.reduce((s, v) => s.plus(v), ZERO);
        expect(sumOrNull(values)!.eq(total)).toBe(true);
        expect(periodAverage(values)!.eq(total.div(values.length))).toBe(true);
        // Between the least and the greatest year.
        expect(periodAverage(values)!.gte(D.min(...values)) && periodAverage(values)!.lte(D.max(...values))).toBe(true);
      }),
    );
  });

  it('is null as soon as one year has no value, wherever the gap is', () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 30 }), fc.nat(), (values, at) => {
        const gapped: (Dec | null)[] = [...values];
        gapped.splice(at % (values.length + 1), 0, null);
        expect(sumOrNull(gapped)).toBeNull();
        expect(periodAverage(gapped)).toBeNull();
      }),
    );
  });

  it('has no average of no years, and sums them to 0', () => {
    expect(periodAverage([])).toBeNull();
    expect(sumOrNull([])!.isZero()).toBe(true);
  });

  it('gives Shiyan P2 no price per m³ (no volume in 2011–2013) and the mean of its years elsewhere', () => {
    const r = computeScenario(shiyanScenario());
    for (const p of r.periods) {
      const years = r.years.filter((y) => y.year >= p.from && y.year <= p.to);
      const prices = years.map((y) => y.pricePerM3);
      expect(p.pricePerM3 === null).toBe(prices.includes(null));
      if (p.pricePerM3) expect(p.pricePerM3.eq(prices.reduce<Dec>((s, v) => s.plus(v!), ZERO).div(years.length))).toBe(true);
      expect(p.lowerBound.eq(years.reduce((s, y) => s.plus(y.lowerBound), ZERO).div(years.length))).toBe(true);
    }
    expect(r.periods.find((p) => p.from === 2011)!.pricePerM3).toBeNull();
  });
});
