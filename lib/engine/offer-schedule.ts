import type { Result } from './compute';
import { D, ONE, ZERO, formatDecimal, type Dec } from './decimal';
import { checkAgainstBounds, nashSplit, scheduleByYear, type BoundCheck, type ScheduleLine } from './negotiation';

/**
 * Offers on the model's schedule (pes-model.md §3, decision 0052): the payment the model asks for
 * year by year (nothing before the payment start, the lower bound plus the eq. 8 back-pay annuity
 * in the catch-up years, the lower bound after), an offer's check against a pair of versions, and
 * the present value of the whole offered term at the scenario's rate of capital gains i_s.
 * Amounts are decimal strings in the version's unit × currency per year.
 */

/** One year of a version as an offer is checked against it. */
export interface ModelYear {
  year: number;
  lowerBound: string;
  upperBound: string | null;
  /** The model's payment: 0 before the payment start, lower bound + annuity in catch-up years. */
  payment: string;
  /** The back-pay annuity inside the payment (0 outside the catch-up years). */
  backPay: string;
  /** m³ per year; null where the scenario gives none. */
  waterVolume: string | null;
}

export interface ModelVersion {
  unit: number;
  paymentStartYear: number;
  /** The years that carry the annuity; null without back-pay. */
  catchUpYears: { from: number; to: number } | null;
  /** i_s, the rate the whole term is discounted at. */
  discountRate: string;
  backPayAnnuity: string;
  years: ModelYear[];
}

/** What an offer's check needs of a computed version. */
export function modelVersionOf(result: Result): ModelVersion {
  return {
    unit: result.unit,
    paymentStartYear: result.paymentStartYear,
    catchUpYears: result.backPay.catchUpYears,
    discountRate: formatDecimal(result.backPay.rate),
    backPayAnnuity: formatDecimal(result.backPayAnnuity),
    years: result.years.map((y) => ({
      year: y.year,
      lowerBound: formatDecimal(y.lowerBound),
      upperBound: y.upperBound === null ? null : formatDecimal(y.upperBound),
      payment: formatDecimal(y.payment),
      backPay: formatDecimal(y.backPay),
      waterVolume: y.waterVolume === null ? null : formatDecimal(y.waterVolume),
    })),
  };
}

/** Consecutive years of equal amount as one line; a negative amount is offered as 0 (an offer pays, it never charges). */
function linesOf(amounts: readonly { year: number; amount: Dec }[], decimals?: number): ScheduleLine[] {
  const lines: ScheduleLine[] = [];
  for (const { year, amount } of amounts) {
    // Rounded up, so a rounded model payment is never below the lower bound it contains.
    const shown = formatDecimal(decimals === undefined ? D.max(amount, ZERO) : D.max(amount, ZERO).toDecimalPlaces(decimals, D.ROUND_UP));
    const last = lines.at(-1);
    if (last && 'amount' in last && last.to === year - 1 && last.amount === shown) last.to = year;
    else lines.push({ from: year, to: year, amount: shown });
  }
  return lines;
}

/** The model's payment as schedule lines: nothing before the payment start, then the payment of every year. */
export function modelScheduleLines(version: ModelVersion, decimals?: number): ScheduleLine[] {
  return linesOf(
    version.years.filter((y) => y.year >= version.paymentStartYear).map((y) => ({ year: y.year, amount: D(y.payment) })),
    decimals,
  );
}

/** Upper bounds of a version in another version's unit (a downstream scenario may count in other units). */
export function upperBoundsIn(upper: Pick<ModelVersion, 'unit' | 'years'>, unit: number): Map<number, Dec | null> {
  const factor = D(upper.unit).div(unit);
  return new Map(upper.years.map((y) => [y.year, y.upperBound === null ? null : D(y.upperBound).times(factor)]));
}

/**
 * The pair's Nash suggestion as schedule lines, on the model's timing: nothing before the payment
 * start, then the model's payment plus w · (upper − lower) where the upper version states an upper
 * bound (the suggestion of pes-model.md §1 plus the back-pay annuity, as the fairness shares pay).
 */
export function nashScheduleLines(lower: ModelVersion, upper: Pick<ModelVersion, 'unit' | 'years'>, weight: string | Dec, decimals?: number): ScheduleLine[] {
  const uppers = upperBoundsIn(upper, lower.unit);
  const w = D(weight);
  return linesOf(
    lower.years
      .filter((y) => y.year >= lower.paymentStartYear)
      .map((y) => {
        const up = uppers.get(y.year) ?? null;
        return { year: y.year, amount: up === null ? D(y.payment) : nashSplit(D(y.lowerBound), up, w).plus(y.backPay) };
      }),
    decimals,
  );
}

export type OfferYearStatus = 'within' | 'belowLower' | 'aboveUpper' | 'deferred';

/** The whole term in present value at i_s, discounted to the term's first year. */
export interface PresentValueComparison {
  baseYear: number;
  rate: string;
  offered: string;
  /** The model's payment over the same years. */
  model: string;
  lowerBound: string;
  /** Null where the upper version states no upper bound in some year of the term. */
  upperBound: string | null;
  /** offered − model: negative pays upstream less than the model asks, in present value. */
  aboveModel: string;
  /** upper − offered; negative overcharges downstream in present value. */
  belowUpper: string | null;
}

/**
 * The stored check of an offer: the old BoundCheck (so offers sent before keep being read the
 * same way) plus each year's status, the years deferred to the catch-up and the present values.
 */
export interface OfferCheck extends BoundCheck {
  /** Currency per amount unit of the offer's version, which every amount here is counted in. */
  unit: number;
  years: (BoundCheck['years'][number] & { status: OfferYearStatus })[];
  deferredYears: number[];
  presentValue: PresentValueComparison | null;
}

/** A check as stored: offers sent before decision 0052 have only the BoundCheck part. */
export type StoredOfferCheck = Omit<BoundCheck, 'years'> &
  Partial<Pick<OfferCheck, 'unit' | 'deferredYears' | 'presentValue'>> & { years: (BoundCheck['years'][number] & { status?: OfferYearStatus })[] };

/**
 * An offer's schedule against a pair of versions: every year of its term (gaps offer nothing)
 * against the lower bound of the offer's own version and the upper bound of the upper version.
 * A year before the payment start with nothing offered is deferred, not below the lower bound,
 * when the model repays it in the catch-up years; without catch-up years it is below.
 */
export function checkOfferSchedule(schedule: readonly ScheduleLine[], lower: ModelVersion, upper: Pick<ModelVersion, 'unit' | 'years'> = lower): OfferCheck {
  const offered = scheduleByYear(schedule, lower.unit);
  const scheduled = [...offered.keys()];
  const first = Math.min(...scheduled);
  const last = Math.max(...scheduled);
  const inTerm = new Map<number, Dec>();
  for (let y = first; y <= last; y++) inTerm.set(y, offered.get(y) ?? ZERO);
  const uppers = upperBoundsIn(upper, lower.unit);
  const pairYears = lower.years.map((y) => {
    const up = uppers.get(y.year);
    return { year: y.year, lowerBound: y.lowerBound, upperBound: up === undefined || up === null ? null : formatDecimal(up) };
  });
  const base = checkAgainstBounds(
    [...inTerm].map(([year, amount]) => ({ from: year, to: year, amount: formatDecimal(amount) })),
    1,
    pairYears,
  );
  const deferrable = (year: number, amount: Dec) => lower.catchUpYears !== null && year < lower.paymentStartYear && amount.isZero();
  const deferredYears = base.years.filter((y) => deferrable(y.year, D(y.offered))).map((y) => y.year);
  const deferred = new Set(deferredYears);
  const belowLowerYears = base.belowLowerYears.filter((y) => !deferred.has(y));
  const below = new Set(belowLowerYears);
  const above = new Set(base.aboveUpperYears);
  return {
    ...base,
    unit: lower.unit,
    belowLowerYears,
    years: base.years.map((y) => ({ ...y, status: deferred.has(y.year) ? 'deferred' : below.has(y.year) ? 'belowLower' : above.has(y.year) ? 'aboveUpper' : 'within' })),
    deferredYears,
    presentValue: base.years.length ? presentValues(base.years, lower) : null,
  };
}

/** Σ amount(y) / (1 + i_s)^(y − first year) of the offered, the model's, the lower and the upper amounts. */
function presentValues(years: BoundCheck['years'], lower: ModelVersion): PresentValueComparison {
  const rate = D(lower.discountRate);
  const q = ONE.plus(rate);
  const baseYear = years[0]!.year;
  const model = new Map(lower.years.map((y) => [y.year, D(y.payment)]));
  let [offered, payment, lowerBound, upperBound, upperKnown] = [ZERO, ZERO, ZERO, ZERO, true];
  for (const y of years) {
    const factor = q.pow(y.year - baseYear);
    offered = offered.plus(D(y.offered).div(factor));
    payment = payment.plus((model.get(y.year) ?? ZERO).div(factor));
    lowerBound = lowerBound.plus(D(y.lowerBound).div(factor));
    if (y.upperBound === null) upperKnown = false;
    else upperBound = upperBound.plus(D(y.upperBound).div(factor));
  }
  return {
    baseYear,
    rate: formatDecimal(rate),
    offered: formatDecimal(offered),
    model: formatDecimal(payment),
    lowerBound: formatDecimal(lowerBound),
    upperBound: upperKnown ? formatDecimal(upperBound) : null,
    aboveModel: formatDecimal(offered.minus(payment)),
    belowUpper: upperKnown ? formatDecimal(upperBound.minus(offered)) : null,
  };
}

/** The first and last year an offer's schedule covers. */
export function scheduleRange(schedule: readonly Pick<ScheduleLine, 'from' | 'to'>[]): { from: number; to: number } {
  return { from: Math.min(...schedule.map((l) => l.from)), to: Math.max(...schedule.map((l) => l.to)) };
}
