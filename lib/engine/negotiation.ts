import { D, ZERO, formatDecimal, type Dec } from './decimal';
import { periodAverage, sumOrNull } from './period-average';

/**
 * The arithmetic of a negotiation between the two sides, on the figures of saved versions
 * (decimal strings in the version's unit × currency per year, as the bargaining-zone DTOs carry
 * them): the Nash split, the zone rows per year or period, where an offer stands against the
 * bounds, and the fairness shares of docs/decisions/0014-fairness-shares.md. The server and the
 * browser both compute through here, so a figure never differs between the two.
 */

// ------------------------------------------------------------- inputs

/** One year of a saved version, as the bargaining-zone view receives it. */
export interface NegotiationYear {
  year: number;
  lowerBound: string;
  /** Null where no benefit is stated. */
  upperBound: string | null;
  payment: string;
  /** m³ per year; null where the scenario gives none. */
  waterVolume: string | null;
  directCost: string;
  opportunityCost: string;
  subsidies: string;
  internalEffect: string;
  /** Σ benefits; null where no benefit is stated (an explicit 0 counts as stated). */
  benefits: string | null;
  downstreamCosts: string;
}

export interface NegotiationPeriod {
  label: string;
  from: number;
  to: number;
}

export interface NegotiationVersion {
  /** Currency per amount unit (1000 = amounts in thousands). */
  unit: number;
  paymentStartYear: number;
  years: NegotiationYear[];
  periods: NegotiationPeriod[];
}

/** What the bounds of a version need of a year. */
export type BoundsYear = Pick<NegotiationYear, 'year' | 'lowerBound' | 'upperBound'>;

// ------------------------------------------------------------- Nash split and zone rows

/**
 * The generalised Nash split of pes-model.md §1, `lower + w · (upper − lower)`: the suggested
 * payment of every year, and what the browser computes when the bargaining weight moves.
 */
export function nashSplit(lower: Dec, upper: Dec, weight: Dec): Dec {
  return lower.plus(weight.times(upper.minus(lower)));
}

const dec = (v: string | null): Dec | null => (v === null ? null : new D(v));

/** The Nash split of one year at weight w; null where no upper bound is stated. */
export function suggestedAt(y: Pick<NegotiationYear, 'lowerBound' | 'upperBound'>, w: Dec): Dec | null {
  return y.upperBound === null ? null : nashSplit(new D(y.lowerBound), new D(y.upperBound), w);
}

/** Whole currency per m³ of an amount in `unit` × currency; null without an amount or a volume. */
export function perM3(amount: Dec | null, unit: number | string | Dec, volume: string | Dec | null): Dec | null {
  return amount === null || volume === null ? null : amount.times(unit).div(volume);
}

export interface ZoneRow {
  key: string;
  label: string;
  from: number;
  to: number;
  lower: Dec;
  upper: Dec | null;
  suggested: Dec | null;
  lowerPerM3: Dec | null;
  upperPerM3: Dec | null;
  suggestedPerM3: Dec | null;
}

/** Zone rows of a version at weight w: one per year, or one per period (annual averages, decision 0103). */
export function zoneRows(v: NegotiationVersion, w: Dec, by: 'period' | 'year'): ZoneRow[] {
  const years = v.years.map((y) => {
    const lower = new D(y.lowerBound);
    const upper = dec(y.upperBound);
    const suggested = suggestedAt(y, w);
    return {
      key: String(y.year),
      label: String(y.year),
      from: y.year,
      to: y.year,
      lower,
      upper,
      suggested,
      lowerPerM3: perM3(lower, v.unit, y.waterVolume),
      upperPerM3: perM3(upper, v.unit, y.waterVolume),
      suggestedPerM3: perM3(suggested, v.unit, y.waterVolume),
    };
  });
  if (by === 'year') return years;
  return v.periods.map((p) => {
    const slice = years.filter((y) => y.from >= p.from && y.from <= p.to);
    const avg = (pick: (r: ZoneRow) => Dec | null) => periodAverage(slice.map(pick));
    return {
      key: `${p.from}-${p.to}`,
      label: p.label,
      from: p.from,
      to: p.to,
      lower: avg((r) => r.lower) ?? ZERO,
      upper: avg((r) => r.upper),
      suggested: avg((r) => r.suggested),
      lowerPerM3: avg((r) => r.lowerPerM3),
      upperPerM3: avg((r) => r.upperPerM3),
      suggestedPerM3: avg((r) => r.suggestedPerM3),
    };
  });
}

// ------------------------------------------------------------- offers against the bounds

/** One line of an offer's annual schedule: an amount per year, or a price per m³ times a volume. */
export type ScheduleLine = { from: number; to: number; amount: string } | { from: number; to: number; pricePerM3: string; volume: string };

/** Annual amounts by year in the scenario's unit; a price line is price · volume / unit. */
export function scheduleByYear(schedule: readonly ScheduleLine[], unit: number | string): Map<number, Dec> {
  const byYear = new Map<number, Dec>();
  for (const entry of schedule) {
    const amount = 'amount' in entry ? D(entry.amount) : D(entry.pricePerM3).times(entry.volume).dividedBy(unit);
    for (let y = entry.from; y <= entry.to; y++) byYear.set(y, amount);
  }
  return byYear;
}

/** The schedule by year in another amount unit (e.g. the payment terms' own): amount · unit / targetUnit. */
export function scheduleInUnit(schedule: readonly ScheduleLine[], unit: number | string, targetUnit: number | string | Dec): Map<number, Dec> {
  const target = new D(targetUnit);
  return new Map([...scheduleByYear(schedule, unit)].map(([year, amount]) => [year, amount.times(unit).dividedBy(target)]));
}

/** A line's annual amount in whole currency: amount · unit, or price · volume. */
export function lineInCurrency(line: ScheduleLine, unit: number | string): Dec {
  return 'amount' in line ? D(line.amount).times(unit) : D(line.pricePerM3).times(line.volume);
}

/** The whole schedule in whole currency: each line's annual amount times its years. */
export function scheduleTotal(schedule: readonly ScheduleLine[], unit: number | string): Dec {
  let total = D(0);
  for (const line of schedule) total = total.plus(lineInCurrency(line, unit).times(line.to - line.from + 1));
  return total;
}

/**
 * How far an amount is from both bounds: `aboveLower` = offered − lower (negative: it
 * under-compensates upstream), `belowUpper` = upper − offered (negative: it overcharges
 * downstream; null without an upper bound).
 */
export function boundDistance(offered: Dec, lower: Dec, upper: Dec | null): { aboveLower: Dec; belowUpper: Dec | null } {
  return { aboveLower: offered.minus(lower), belowUpper: upper === null ? null : upper.minus(offered) };
}

export interface BoundCheck {
  years: { year: number; offered: string; lowerBound: string; upperBound: string | null }[];
  belowLowerYears: number[];
  aboveUpperYears: number[];
  outsideScenarioYears: number[];
  totals: { offered: string; lowerBound: string; upperBound: string | null };
}

/**
 * Where an offer stands against its scenario version's bounds, year by year: below the lower
 * bound under-compensates upstream, above the upper bound overcharges downstream. Stored with
 * the offer (decimal strings), so its shape stays as it is.
 */
export function checkAgainstBounds(schedule: readonly ScheduleLine[], unit: number | string, resultYears: readonly BoundsYear[]): BoundCheck {
  const offered = scheduleByYear(schedule, unit);
  const byYear = new Map(resultYears.map((row) => [row.year, row]));
  const check: BoundCheck = { years: [], belowLowerYears: [], aboveUpperYears: [], outsideScenarioYears: [], totals: { offered: '0', lowerBound: '0', upperBound: null } };
  let [offeredTotal, lowerTotal, upperTotal, upperKnown] = [D(0), D(0), D(0), true];
  for (const [year, amount] of [...offered].sort(([a], [b]) => a - b)) {
    const row = byYear.get(year);
    if (!row) {
      check.outsideScenarioYears.push(year);
      continue;
    }
    offeredTotal = offeredTotal.plus(amount);
    lowerTotal = lowerTotal.plus(row.lowerBound);
    if (row.upperBound === null) upperKnown = false;
    else upperTotal = upperTotal.plus(row.upperBound);
    if (amount.lessThan(row.lowerBound)) check.belowLowerYears.push(year);
    if (row.upperBound !== null && amount.greaterThan(row.upperBound)) check.aboveUpperYears.push(year);
    check.years.push({ year, offered: formatDecimal(amount), lowerBound: row.lowerBound, upperBound: row.upperBound });
  }
  check.totals = { offered: formatDecimal(offeredTotal), lowerBound: formatDecimal(lowerTotal), upperBound: upperKnown && check.years.length ? formatDecimal(upperTotal) : null };
  return check;
}

export interface DistanceFromBounds {
  offered: Dec;
  lowerBound: Dec;
  upperBound: Dec | null;
  aboveLower: Dec;
  belowUpper: Dec | null;
  /** Price per m³ of the offered amount, whole currency; null without a volume. */
  pricePerM3: Dec | null;
}

export interface DistancesFromBounds {
  years: (DistanceFromBounds & { year: number })[];
  /** Per period of the version that the offer covers, over the period's years it covers (annual averages). */
  periods: (DistanceFromBounds & { label: string; from: number; to: number; years: number })[];
  /** Sums over all years the offer covers (no price: a sum of prices means nothing). */
  totals: DistanceFromBounds;
}

function distance(offered: Dec, lowerBound: Dec, upperBound: Dec | null, pricePerM3: Dec | null): DistanceFromBounds {
  return { offered, lowerBound, upperBound, ...boundDistance(offered, lowerBound, upperBound), pricePerM3 };
}

/**
 * Where offered annual amounts stand against the bounds of a version, year by year (years the
 * version has), per period and in total.
 */
export function distancesFromBounds(
  offered: ReadonlyMap<number, Dec>,
  version: Pick<NegotiationVersion, 'unit' | 'periods'> & { years: readonly (BoundsYear & Pick<NegotiationYear, 'waterVolume'>)[] },
): DistancesFromBounds {
  const unit = new D(version.unit);
  const rows = version.years
    .filter((y) => offered.has(y.year))
    .map((y) => {
      const amount = offered.get(y.year)!;
      return { year: y.year, amount, lower: new D(y.lowerBound), upper: dec(y.upperBound), price: perM3(amount, unit, y.waterVolume) };
    });
  return {
    years: rows.map((r) => ({ year: r.year, ...distance(r.amount, r.lower, r.upper, r.price) })),
    periods: version.periods
      .map((p) => ({ period: p, slice: rows.filter((r) => r.year >= p.from && r.year <= p.to) }))
      .filter(({ slice }) => slice.length > 0)
      .map(({ period: p, slice }) => ({
        label: p.label,
        from: p.from,
        to: p.to,
        years: slice.length,
        ...distance(periodAverage(slice.map((r) => r.amount))!, periodAverage(slice.map((r) => r.lower))!, periodAverage(slice.map((r) => r.upper)), periodAverage(slice.map((r) => r.price))),
      })),
    totals: distance(sumOrNull(rows.map((r) => r.amount))!, sumOrNull(rows.map((r) => r.lower))!, sumOrNull(rows.map((r) => r.upper)), null),
  };
}

// ------------------------------------------------------------- fairness shares

export const PARTIES = ['upstream', 'downstream', 'central'] as const;
export type Party = (typeof PARTIES)[number];

export interface FairnessRow {
  label: string;
  from: number;
  to: number;
  /** Years of the range in which benefits are stated (benefit shares use only those years). */
  benefitYears: number;
  years: number;
  /** Share of the total cost each party carries after subsidies and payments; null when the total is 0. */
  cost: Record<Party, Dec> | null;
  /** Share of the benefits of protection; null when no benefit is stated in the range. */
  benefit: Record<Party, Dec> | null;
  /** Share of the money paid into the source region (payments and subsidies); null when nothing is paid. */
  payment: Record<Party, Dec> | null;
  /** The amounts behind the shares, in the version's unit. */
  amounts: { cost: Record<Party, Dec>; benefit: Record<Party, Dec>; payment: Record<Party, Dec> };
}

/**
 * The payment of year t in the fairness shares: 0 before payments start; from then on the
 * version's payment (lower bound + back-pay annuity, eq. 8) plus the weight's share of the
 * surplus where an upper bound is stated, i.e. the Nash suggestion plus the back-pay annuity.
 */
export function fairnessPayment(v: Pick<NegotiationVersion, 'paymentStartYear'>, y: Pick<NegotiationYear, 'year' | 'payment' | 'lowerBound' | 'upperBound'>, w: Dec): Dec {
  if (y.year < v.paymentStartYear) return ZERO;
  const payment = new D(y.payment);
  return y.upperBound === null ? payment : payment.plus(w.times(new D(y.upperBound).minus(y.lowerBound)));
}

/** Each party's part of the parties' total; null when the total is 0. */
export function shares(amounts: Record<Party, Dec>): Record<Party, Dec> | null {
  const total = amounts.upstream.plus(amounts.downstream).plus(amounts.central);
  if (total.isZero()) return null;
  return { upstream: amounts.upstream.div(total), downstream: amounts.downstream.div(total), central: amounts.central.div(total) };
}

/** Fairness shares of a version at weight w, per period and over all years (last row, labelled `allLabel`). */
export function fairnessRows(v: NegotiationVersion, w: Dec, allLabel: string): FairnessRow[] {
  const ranges = [...v.periods.map((p) => ({ label: p.label, from: p.from, to: p.to }))];
  const first = v.years[0]?.year ?? 0;
  const last = v.years.at(-1)?.year ?? 0;
  ranges.push({ label: allLabel, from: first, to: last });
  return ranges.map(({ label, from, to }) => {
    const slice = v.years.filter((y) => y.year >= from && y.year <= to);
    const zero = () => ({ upstream: ZERO, downstream: ZERO, central: ZERO });
    const cost = zero();
    const benefit = zero();
    const payment = zero();
    let benefitYears = 0;
    for (const y of slice) {
      const protection = new D(y.directCost).plus(y.opportunityCost);
      const subsidy = new D(y.subsidies);
      const paid = fairnessPayment(v, y, w);
      cost.upstream = cost.upstream.plus(protection).minus(subsidy).minus(paid);
      cost.downstream = cost.downstream.plus(y.downstreamCosts).plus(paid);
      cost.central = cost.central.plus(subsidy);
      payment.downstream = payment.downstream.plus(paid);
      payment.central = payment.central.plus(subsidy);
      if (y.benefits !== null) {
        benefitYears++;
        benefit.upstream = benefit.upstream.plus(y.internalEffect);
        benefit.downstream = benefit.downstream.plus(y.benefits);
      }
    }
    return {
      label,
      from,
      to,
      years: slice.length,
      benefitYears,
      cost: shares(cost),
      benefit: benefitYears === 0 ? null : shares(benefit),
      payment: shares(payment),
      amounts: { cost, benefit, payment },
    };
  });
}
