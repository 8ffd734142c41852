import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario, computeScenario, toStatedResultJson } from './compute';
import { D, ZERO, formatDecimal, type Dec } from './decimal';
import { shiyanScenario } from './fixtures';
import {
  PARTIES,
  boundDistance,
  checkAgainstBounds,
  distancesFromBounds,
  fairnessPayment,
  fairnessRows,
  lineInCurrency,
  nashSplit,
  perM3,
  scheduleByYear,
  scheduleInUnit,
  scheduleTotal,
  shares,
  suggestedAt,
  zoneRows,
  type NegotiationVersion,
  type NegotiationYear,
  type ScheduleLine,
} from './negotiation';

const START = 2000;

/** A decimal string with up to 2 places, signed when `signed`, built from integers (no float). */
const amount = (max: number, signed = false) =>
  fc.integer({ min: signed ? -max : 0, max }).map((cents) => {
    const sign = cents < 0 ? '-' : '';
    const c = Math.abs(cents);
    return `${sign}${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
  });
const weight = fc.integer({ min: 0, max: 100 }).map((p) => new D(p).div(100));

const yearArb = fc.record({
  lowerBound: amount(1e9, true),
  upperBound: fc.option(amount(1e9, true), { nil: null }),
  payment: amount(1e9, true),
  waterVolume: fc.option(
    fc.integer({ min: 1, max: 1e6 }).map((v) => `${v}000`),
    { nil: null },
  ),
  directCost: amount(1e9),
  opportunityCost: amount(1e9),
  subsidies: amount(1e8),
  internalEffect: amount(1e8),
  benefits: fc.option(amount(1e9), { nil: null }),
  downstreamCosts: amount(1e8),
});

/** A version over START..START+n−1 with its years cut into consecutive periods. */
const versionArb: fc.Arbitrary<NegotiationVersion> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc
    .record({
      years: fc.array(yearArb, { minLength: n, maxLength: n }),
      cuts: n === 1 ? fc.constant<number[]>([]) : fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength: n - 1 }),
      unit: fc.constantFrom(1, 1000, 10000),
      paymentOffset: fc.integer({ min: 0, max: n - 1 }),
    })
    .map(({ years, cuts, unit, paymentOffset }) => {
      const edges = [0, ...[...cuts].sort((a, b) => a - b), n];
      const periods = edges.slice(1).map((end, i) => ({ label: `P${i + 1}`, from: START + edges[i]!, to: START + end - 1 }));
      return { unit, paymentStartYear: START + paymentOffset, years: years.map((y, i) => ({ ...y, year: START + i })), periods };
    }),
);

const mean = (values: Dec[]) => values.reduce((s, v) => s.plus(v), ZERO).div(values.length);
const yearsOf = (v: NegotiationVersion, from: number, to: number) => v.years.filter((y) => y.year >= from && y.year <= to);

/** The bargaining-zone view's data of a computed scenario, as lib/server/negotiation/zone-dto.ts builds it. */
function versionOf(s = shiyanScenario()): NegotiationVersion {
  const result = toStatedResultJson(computeScenario(s));
  const inputs = compileScenario(s);
  const years: NegotiationYear[] = result.years.map((y, i) => ({
    year: y.year,
    lowerBound: y.lowerBound,
    upperBound: y.upperBound,
    payment: y.payment,
    waterVolume: inputs.waterVolume[i] ? formatDecimal(inputs.waterVolume[i]!) : null,
    directCost: y.directCost,
    opportunityCost: y.opportunityCost,
    subsidies: y.subsidies,
    internalEffect: y.internalEffect,
    benefits: inputs.benefitGiven[i] ? formatDecimal(inputs.benefits[i]!) : null,
    downstreamCosts: formatDecimal(inputs.downstreamCosts[i]!),
  }));
  return { unit: s.unit, paymentStartYear: s.paymentStartYear ?? s.startYear, years, periods: result.periods };
}

describe('Nash split', () => {
  it('lies between the bounds, at the lower bound for w = 0 and at the upper for w = 1', () => {
    fc.assert(
      fc.property(amount(1e9, true), amount(1e9, true), weight, (a, b, w) => {
        const [lower, upper] = new D(a).lte(b) ? [new D(a), new D(b)] : [new D(b), new D(a)];
        const split = nashSplit(lower, upper, w);
        expect(split.gte(lower) && split.lte(upper)).toBe(true);
        expect(nashSplit(lower, upper, ZERO).eq(lower)).toBe(true);
        expect(nashSplit(lower, upper, new D(1)).eq(upper)).toBe(true);
        // The surplus is split w : 1 − w.
        expect(split.minus(lower).eq(w.times(upper.minus(lower)))).toBe(true);
      }),
    );
  });

  it('is the engine’s suggested payment of every Shiyan year, and none without an upper bound', () => {
    const s = shiyanScenario();
    const result = computeScenario(s);
    const version = versionOf(s);
    version.years.forEach((y, i) => {
      const suggested = suggestedAt(y, result.bargainingWeight);
      expect(suggested === null ? null : suggested.toString()).toBe(result.years[i]!.suggestedPayment?.toString() ?? null);
    });
  });
});

describe('zone rows', () => {
  it('gives one row per year with prices per m³ = amount · unit / volume', () => {
    fc.assert(
      fc.property(versionArb, weight, (v, w) => {
        const rows = zoneRows(v, w, 'year');
        expect(rows.map((r) => r.from)).toEqual(v.years.map((y) => y.year));
        rows.forEach((r, i) => {
          const y = v.years[i]!;
          expect(r.lower.eq(y.lowerBound)).toBe(true);
          expect(r.upper === null).toBe(y.upperBound === null);
          expect(r.lowerPerM3 === null ? null : r.lowerPerM3.toString()).toBe(y.waterVolume === null ? null : new D(y.lowerBound).times(v.unit).div(y.waterVolume).toString());
        });
      }),
    );
  });

  it('averages each period over its years, null where a year has none (decision 0103)', () => {
    fc.assert(
      fc.property(versionArb, weight, (v, w) => {
        const rows = zoneRows(v, w, 'period');
        expect(rows.map((r) => [r.key, r.label])).toEqual(v.periods.map((p) => [`${p.from}-${p.to}`, p.label]));
        rows.forEach((r) => {
          const years = yearsOf(v, r.from, r.to);
          expect(r.lower.eq(mean(years.map((y) => new D(y.lowerBound))))).toBe(true);
          const uppers = years.map((y) => y.upperBound);
          if (uppers.includes(null)) expect([r.upper, r.suggested]).toEqual([null, null]);
          else {
            expect(r.upper!.eq(mean(uppers.map((u) => new D(u!))))).toBe(true);
            expect(r.suggested!.eq(mean(years.map((y) => suggestedAt(y, w)!)))).toBe(true);
          }
          expect(r.lowerPerM3 === null).toBe(years.some((y) => y.waterVolume === null));
        });
      }),
    );
  });

  it('gives the Shiyan periods the stored period averages at the scenario’s own weight', () => {
    const s = shiyanScenario();
    const result = toStatedResultJson(computeScenario(s));
    const rows = zoneRows(versionOf(s), new D(s.bargainingWeight ?? '0.5'), 'period');
    expect(rows.map((r) => [r.lower.toString(), r.upper?.toString() ?? null])).toEqual(
      result.periods.map((p) => [new D(p.lowerBound).toString(), p.upperBound === null ? null : new D(p.upperBound).toString()]),
    );
  });
});

describe('offers against the bounds', () => {
  const lineArb = (from: number, to: number): fc.Arbitrary<ScheduleLine> =>
    fc.oneof(
      amount(1e9).map((a) => ({ from, to, amount: a })),
      fc.tuple(amount(100), fc.integer({ min: 1, max: 1e6 })).map(([p, vol]) => ({ from, to, pricePerM3: p, volume: `${vol}000` })),
    );
  /** Non-overlapping lines over START−2..START+13 (some outside a version's years). */
  const scheduleArb = fc.uniqueArray(fc.integer({ min: START - 2, max: START + 13 }), { minLength: 2, maxLength: 10 }).chain((edges) => {
    const sorted = [...edges].sort((a, b) => a - b);
    return fc.tuple(...sorted.slice(1).map((to, i) => lineArb(sorted[i]! + (i === 0 ? 0 : 1), to)));
  });

  it('spreads each line over its years, a price line as price · volume / unit', () => {
    fc.assert(
      fc.property(scheduleArb, fc.constantFrom(1, 1000), (schedule, unit) => {
        const byYear = scheduleByYear(schedule, unit);
        for (const line of schedule) {
          const expected = 'amount' in line ? new D(line.amount) : new D(line.pricePerM3).times(line.volume).div(unit);
          for (let y = line.from; y <= line.to; y++) expect(byYear.get(y)!.eq(expected)).toBe(true);
        }
        expect(byYear.size).toBe(schedule.reduce((n, l) => n + l.to - l.from + 1, 0));
      }),
    );
  });

  it('states the schedule in whole currency and in another unit', () => {
    fc.assert(
      fc.property(scheduleArb, fc.constantFrom(1, 1000, 10000), (schedule, unit) => {
        const byYear = scheduleByYear(schedule, unit);
        let total: Dec = ZERO;
        for (const line of schedule) {
          const perYear = lineInCurrency(line, unit);
          expect(perYear.eq('amount' in line ? new D(line.amount).times(unit) : new D(line.pricePerM3).times(line.volume))).toBe(true);
          total = total.plus(perYear.times(line.to - line.from + 1));
        }
        expect(scheduleTotal(schedule, unit).eq(total)).toBe(true);
        const inYuan = scheduleInUnit(schedule, unit, 1);
        const inOwn = scheduleInUnit(schedule, unit, unit);
        expect([...inYuan.keys()]).toEqual([...byYear.keys()]);
        for (const [year, amount] of byYear) {
          expect(inYuan.get(year)!.eq(amount.times(unit))).toBe(true);
          expect(inOwn.get(year)!.minus(amount).abs().lt('1e-30')).toBe(true);
        }
      }),
    );
  });

  it('flags exactly the years below the lower or above the upper bound, and sums what the version covers', () => {
    fc.assert(
      fc.property(scheduleArb, versionArb, (schedule, v) => {
        const check = checkAgainstBounds(schedule, v.unit, v.years);
        const offered = scheduleByYear(schedule, v.unit);
        const inVersion = v.years.filter((y) => offered.has(y.year));
        expect(check.belowLowerYears).toEqual(inVersion.filter((y) => offered.get(y.year)!.lt(y.lowerBound)).map((y) => y.year));
        expect(check.aboveUpperYears).toEqual(inVersion.filter((y) => y.upperBound !== null && offered.get(y.year)!.gt(y.upperBound)).map((y) => y.year));
        expect(check.outsideScenarioYears).toEqual([...offered.keys()].filter((y) => !v.years.some((r) => r.year === y)).sort((a, b) => a - b));
        const sum = (values: Dec[]) => values.reduce((s, x) => s.plus(x), ZERO);
        expect(new D(check.totals.offered).eq(sum(inVersion.map((y) => offered.get(y.year)!)))).toBe(true);
        expect(new D(check.totals.lowerBound).eq(sum(inVersion.map((y) => new D(y.lowerBound))))).toBe(true);
        const uppers = inVersion.map((y) => y.upperBound);
        expect(check.totals.upperBound === null).toBe(inVersion.length === 0 || uppers.includes(null));
      }),
    );
  });

  it('measures the distance from both bounds: offered − lower and upper − offered', () => {
    fc.assert(
      fc.property(amount(1e9, true), amount(1e9, true), fc.option(amount(1e9, true), { nil: null }), (o, l, u) => {
        const d = boundDistance(new D(o), new D(l), u === null ? null : new D(u));
        expect(d.aboveLower.plus(l).eq(o)).toBe(true);
        expect(d.belowUpper === null ? null : d.belowUpper.plus(o).toString()).toBe(u === null ? null : new D(u).toString());
      }),
    );
  });

  it('gives distances per year, annual averages per covered period and sums in total', () => {
    fc.assert(
      fc.property(scheduleArb, versionArb, (schedule, v) => {
        const offered = scheduleByYear(schedule, v.unit);
        const d = distancesFromBounds(offered, v);
        const check = checkAgainstBounds(schedule, v.unit, v.years);
        expect(d.years.map((y) => [y.year, formatDecimal(y.offered)])).toEqual(check.years.map((y) => [y.year, y.offered]));
        for (const y of d.years) {
          if (y.belowUpper !== null) expect(y.aboveLower.plus(y.belowUpper).eq(y.upperBound!.minus(y.lowerBound))).toBe(true);
          expect(y.aboveLower.isNegative()).toBe(check.belowLowerYears.includes(y.year));
        }
        expect(formatDecimal(d.totals.offered)).toBe(check.totals.offered);
        // Over no covered year the check states no upper total; the distances sum nothing to 0.
        if (d.years.length > 0) expect(d.totals.upperBound === null ? null : formatDecimal(d.totals.upperBound)).toBe(check.totals.upperBound);
        expect(d.totals.pricePerM3).toBeNull();
        const covered = v.periods.filter((p) => d.years.some((y) => y.year >= p.from && y.year <= p.to));
        expect(d.periods.map((p) => p.label)).toEqual(covered.map((p) => p.label));
        for (const p of d.periods) {
          const years = d.years.filter((y) => y.year >= p.from && y.year <= p.to);
          expect(p.years).toBe(years.length);
          expect(p.offered.eq(mean(years.map((y) => y.offered)))).toBe(true);
          expect(p.lowerBound.eq(mean(years.map((y) => y.lowerBound)))).toBe(true);
          expect(p.aboveLower.eq(p.offered.minus(p.lowerBound))).toBe(true);
          expect(p.pricePerM3 === null).toBe(years.some((y) => y.pricePerM3 === null));
        }
      }),
    );
  });

  it('prices an offered amount per m³ in whole currency', () => {
    expect(perM3(new D('1200'), 10000, '3000000')!.toString()).toBe('4');
    expect(perM3(null, 1, '1')).toBeNull();
    expect(perM3(new D(1), 1, null)).toBeNull();
  });
});

describe('fairness shares (decision 0014)', () => {
  it('sum to 1 over the parties wherever they exist, and the central government receives no benefit', () => {
    fc.assert(
      fc.property(versionArb, weight, (v, w) => {
        const rows = fairnessRows(v, w, 'all');
        expect(rows.map((r) => r.label)).toEqual([...v.periods.map((p) => p.label), 'all']);
        for (const row of rows) {
          for (const share of [row.cost, row.benefit, row.payment]) {
            if (!share) continue;
            // Each share is rounded to 40 significant digits; shares far outside [0, 1] (costs and payments that nearly cancel) carry their rounding into the sum.
            const largest = PARTIES.reduce((m, p) => D.max(m, share[p].abs()), new D(1));
            expect(
              PARTIES.reduce((s, p) => s.plus(share[p]), ZERO)
                .minus(1)
                .abs()
                .lte(largest.times('1e-38')),
            ).toBe(true);
          }
          if (row.benefit) expect(row.benefit.central.isZero()).toBe(true);
          expect(row.benefitYears).toBe(yearsOf(v, row.from, row.to).filter((y) => y.benefits !== null).length);
          if (row.benefitYears === 0) expect(row.benefit).toBeNull();
        }
      }),
    );
  });

  it('add up the costs borne to the total cost, and the payments to the money paid upstream', () => {
    fc.assert(
      fc.property(versionArb, weight, (v, w) => {
        const all = fairnessRows(v, w, 'all').at(-1)!;
        const sum = (pick: (y: NegotiationYear) => Dec) => v.years.reduce((s, y) => s.plus(pick(y)), ZERO);
        const borne = all.amounts.cost;
        expect(
          borne.upstream
            .plus(borne.downstream)
            .plus(borne.central)
            .eq(sum((y) => new D(y.directCost).plus(y.opportunityCost).plus(y.downstreamCosts))),
        ).toBe(true);
        expect(all.amounts.payment.downstream.eq(sum((y) => fairnessPayment(v, y, w)))).toBe(true);
        expect(all.amounts.payment.central.eq(sum((y) => new D(y.subsidies)))).toBe(true);
        expect(all.amounts.payment.upstream.isZero()).toBe(true);
      }),
    );
  });

  it('pay nothing before payments start, the version’s payment at w = 0 and the Nash suggestion plus back pay above', () => {
    fc.assert(
      fc.property(versionArb, weight, (v, w) => {
        for (const y of v.years) {
          const paid = fairnessPayment(v, y, w);
          if (y.year < v.paymentStartYear) expect(paid.isZero()).toBe(true);
          else if (y.upperBound === null) expect(paid.eq(y.payment)).toBe(true);
          else {
            expect(fairnessPayment(v, y, ZERO).eq(y.payment)).toBe(true);
            expect(paid.eq(nashSplit(new D(y.lowerBound), new D(y.upperBound), w).plus(new D(y.payment).minus(y.lowerBound)))).toBe(true);
          }
        }
      }),
    );
  });

  it('leave upstream with exactly its internal effect at the lower bound, in Shiyan’s years after the catch-up', () => {
    const s = shiyanScenario();
    const v = versionOf(s);
    const catchUpEnd = (s.paymentStartYear ?? s.startYear) + (s.catchUpYears ?? 0) - 1;
    const late = { ...v, years: v.years.filter((y) => y.year > catchUpEnd), periods: [] };
    const row = fairnessRows(late, ZERO, 'all')[0]!;
    const internalEffect = late.years.reduce((sum, y) => sum.plus(y.internalEffect), ZERO);
    expect(row.amounts.cost.upstream.minus(internalEffect).abs().lt('1e-12')).toBe(true);
  });

  it('has no shares of a zero total', () => {
    expect(shares({ upstream: ZERO, downstream: ZERO, central: ZERO })).toBeNull();
    expect(shares({ upstream: new D(1), downstream: new D(3), central: ZERO })).toEqual({ upstream: new D('0.25'), downstream: new D('0.75'), central: ZERO });
  });
});
