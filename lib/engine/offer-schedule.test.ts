import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeScenario } from './compute';
import { D } from './decimal';
import { miyunScenario, shiyanScenario } from './fixtures';
import { checkOfferSchedule, modelScheduleLines, modelVersionOf, nashScheduleLines, scheduleRange, type ModelVersion } from './offer-schedule';
import type { ScheduleLine } from './negotiation';

const shiyan = modelVersionOf(computeScenario(shiyanScenario()));

/** A small version: years 2000…2000+n−1, payments start after `before` years, catch-up over `catchUp` years. */
const versionArb = fc
  .record({
    lower: fc.array(fc.integer({ min: -5_000, max: 90_000 }), { minLength: 2, maxLength: 14 }),
    spread: fc.array(fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }), { minLength: 14, maxLength: 14 }),
    before: fc.integer({ min: 0, max: 5 }),
    catchUp: fc.integer({ min: 0, max: 4 }),
    ratePercent: fc.integer({ min: 0, max: 8 }),
  })
  .map(({ lower, spread, before, catchUp, ratePercent }): ModelVersion => {
    const T = Math.min(before, lower.length - 1);
    const T0 = T > 0 ? catchUp : 0;
    const annuity = T0 > 0 ? D(lower.slice(0, T).reduce((a, b) => a + b, 0)).div(T0) : D(0);
    const start = 2000 + T;
    return {
      unit: 1000,
      paymentStartYear: start,
      catchUpYears: T0 > 0 ? { from: start, to: start + T0 - 1 } : null,
      discountRate: String(ratePercent / 100),
      backPayAnnuity: annuity.toFixed(),
      years: lower.map((l, i) => {
        const year = 2000 + i;
        const backPay = T0 > 0 && year >= start && year < start + T0 ? annuity : D(0);
        const up = spread[i];
        return {
          year,
          lowerBound: String(l),
          upperBound: up === null || up === undefined ? null : String(l + up),
          payment: year < start ? '0' : D(l).plus(backPay).toFixed(),
          backPay: backPay.toFixed(),
          waterVolume: null,
        };
      }),
    };
  });

describe('the model schedule', () => {
  it('pays nothing before the payment start, the lower bound plus the eq. 8 annuity in the catch-up years, the lower bound after (Shiyan)', () => {
    const lines = modelScheduleLines(shiyan);
    expect(scheduleRange(lines)).toEqual({ from: 2014, to: 2050 });
    const catchUp = lines.find((l) => l.from === 2014)!;
    expect(catchUp.to).toBe(2020);
    const y2014 = shiyan.years.find((y) => y.year === 2014)!;
    expect('amount' in catchUp && D(catchUp.amount).minus(y2014.lowerBound).toFixed()).toBe(D(shiyan.backPayAnnuity).toFixed());
    expect(D(shiyan.backPayAnnuity).greaterThan(0)).toBe(true);
    const after = lines.find((l) => l.from === 2021)!;
    expect('amount' in after && after.amount).toBe(shiyan.years.find((y) => y.year === 2021)!.lowerBound);
  });

  it('is never below the lower bound and never deferred, and its present value is the model’s (property)', () => {
    fc.assert(
      fc.property(versionArb, fc.constantFrom(undefined, 2), (version, decimals) => {
        const lines = modelScheduleLines(version, decimals);
        const check = checkOfferSchedule(lines, version);
        expect(check.deferredYears).toEqual([]);
        for (const y of check.years) {
          // Only a negative annuity (costs below subsidies before the start) puts the model's own payment under the lower bound.
          const model = version.years.find((m) => m.year === y.year)!;
          if (D(model.payment).greaterThanOrEqualTo(model.lowerBound) && D(y.lowerBound).greaterThanOrEqualTo(0)) expect(y.status).not.toBe('belowLower');
        }
        if (decimals === undefined && version.years.every((y) => D(y.payment).greaterThanOrEqualTo(0))) expect(check.presentValue!.aboveModel).toBe('0');
      }),
    );
  });

  it('defers only years before the payment start with nothing offered, and only when the model has catch-up years (property)', () => {
    fc.assert(
      fc.property(versionArb, (version) => {
        const first = version.years[0]!.year;
        const last = version.years.at(-1)!.year;
        const zeros: ScheduleLine[] = [{ from: first, to: last, amount: '0' }];
        const check = checkOfferSchedule(zeros, version);
        for (const y of check.deferredYears) expect(y).toBeLessThan(version.paymentStartYear);
        const expected = version.catchUpYears ? version.years.filter((y) => y.year < version.paymentStartYear).map((y) => y.year) : [];
        expect(check.deferredYears).toEqual(expected);
        for (const y of check.belowLowerYears) expect(check.deferredYears).not.toContain(y);
      }),
    );
  });

  it('flags a pre-payment year that pays something but less than the lower bound as below, not deferred', () => {
    const check = checkOfferSchedule([{ from: 2003, to: 2050, amount: '1' }], shiyan);
    expect(check.deferredYears).toEqual([]);
    expect(check.belowLowerYears).toContain(2003);
  });

  it('counts gaps of the term as nothing offered and compares the whole term in present value at i_s', () => {
    const lines = modelScheduleLines(shiyan);
    const withoutCatchUp = lines.filter((l) => l.from !== 2014);
    withoutCatchUp.unshift({ from: 2014, to: 2014, amount: (lines[0] as { amount: string }).amount });
    const check = checkOfferSchedule(withoutCatchUp, shiyan);
    expect(check.years.find((y) => y.year === 2015)).toMatchObject({ offered: '0', status: 'belowLower' });
    const pv = check.presentValue!;
    expect(pv.baseYear).toBe(2014);
    expect(pv.rate).toBe('0.03');
    expect(D(pv.aboveModel).isNegative()).toBe(true);
    // The model's PV by hand: Σ payment / 1.03^(y − 2014).
    const byHand = shiyan.years.filter((y) => y.year >= 2014).reduce((sum, y) => sum.plus(D(y.payment).div(D(1.03).pow(y.year - 2014))), D(0));
    expect(D(pv.model).minus(byHand).abs().lessThan('1e-20')).toBe(true);
  });

  it('checks the upper bound against the upper version, in the offer version’s unit', () => {
    const lower = modelVersionOf(computeScenario(miyunScenario()));
    const upper: Pick<ModelVersion, 'unit' | 'years'> = { unit: lower.unit * 10, years: lower.years.map((y) => ({ ...y, upperBound: '1' })) };
    const cheap = { ...lower, years: lower.years.map((y) => ({ ...y, lowerBound: '0' })) };
    const check = checkOfferSchedule([{ from: lower.paymentStartYear, to: lower.paymentStartYear, amount: '11' }], cheap, upper);
    expect(check.years[0]).toMatchObject({ upperBound: '10', status: 'aboveUpper' });
    expect(check.aboveUpperYears).toEqual([lower.paymentStartYear]);
  });

  it('suggests the Nash split of the pair plus the annuity, from the payment start', () => {
    const up = { unit: shiyan.unit, years: shiyan.years.map((y) => ({ ...y, upperBound: D(y.lowerBound).plus(1000).toFixed() })) };
    const lines = nashScheduleLines(shiyan, up, '0.5');
    expect(lines[0]!.from).toBe(2014);
    const y2021 = shiyan.years.find((y) => y.year === 2021)!;
    expect(lines.find((l) => l.from === 2021)).toMatchObject({ amount: D(y2021.lowerBound).plus(500).toFixed() });
    const y2014 = shiyan.years.find((y) => y.year === 2014)!;
    expect(lines[0]).toMatchObject({ amount: D(y2014.payment).plus(500).toFixed() });
  });
});
