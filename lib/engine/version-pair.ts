import { D, type Dec } from './decimal';
import { nashSplit, type BoundsYear, type NegotiationPeriod, type NegotiationVersion, type NegotiationYear } from './negotiation';
import { periodAverage } from './period-average';

/**
 * The zone between the two sides (issue 14): the lower bound as an upstream version states it
 * and the upper bound as a downstream version states it, year by year, in one amount unit.
 * Inside one version the zone is `zoneRows` (./negotiation.ts); here the bounds come from two.
 * The server and the browser both compute through here (the Nash slider), and an offer can be
 * checked per year against `pairYears`.
 */

/** One side of the pair: a version's unit (currency per amount unit) and its bounds per year. */
export interface PairSide {
  unit: number | string;
  years: readonly BoundsYear[];
}

/** Which of the two versions has a year: both, only the lower bound's version, only the upper bound's. */
export type PairCoverage = 'both' | 'lowerOnly' | 'upperOnly';

export interface PairYear {
  year: number;
  /** The lower version's lower bound; null where the year is not in it (or there is no lower version). */
  lowerBound: Dec | null;
  /** The upper version's upper bound; null where the year is not in it or it states no benefit. */
  upperBound: Dec | null;
  /** The Nash split `lower + w · (upper − lower)`; null unless both bounds are known and upper ≥ lower. */
  suggestedPayment: Dec | null;
  /** upper ≥ lower; null unless both bounds are known. */
  feasible: boolean | null;
  coverage: PairCoverage;
}

export interface PairPeriod {
  label: string;
  from: number;
  to: number;
  /** Years of the period either version has. */
  years: number;
  /** Annual averages over the period's years (decision 0103: null unless every year has a value). */
  lowerBound: Dec | null;
  upperBound: Dec | null;
  suggestedPayment: Dec | null;
  /** Every year of the period has a zone (upper ≥ lower); null unless both averages are known. */
  feasible: boolean | null;
}

/** An amount in `fromUnit` × currency, in `toUnit` × currency: amount · from / to (exact for the usual powers of ten). */
export function inUnit(amount: Dec | string, fromUnit: number | string | Dec, toUnit: number | string | Dec): Dec {
  const from = new D(fromUnit);
  return from.eq(toUnit) ? new D(amount) : new D(amount).times(from).dividedBy(toUnit);
}

/** The suggestion and feasibility of two bounds at weight w (either may be unknown). */
function splitAt(lower: Dec | null, upper: Dec | null, w: Dec): Pick<PairYear, 'suggestedPayment' | 'feasible'> {
  if (lower === null || upper === null) return { suggestedPayment: null, feasible: null };
  const feasible = upper.gte(lower);
  return { suggestedPayment: feasible ? nashSplit(lower, upper, w) : null, feasible };
}

/**
 * The pair year by year, in `unit`: every year either version has, in order, the lower bound
 * from `lower`, the upper bound from `upper` (either side may be null: no version), and the Nash
 * split at weight w ∈ [0, 1] where the zone is not empty.
 */
export function pairYears(lower: PairSide | null, upper: PairSide | null, w: Dec, unit: number | string | Dec): PairYear[] {
  const lowers = new Map(lower?.years.map((y) => [y.year, inUnit(y.lowerBound, lower.unit, unit)]) ?? []);
  const uppers = new Map(upper?.years.map((y) => [y.year, y.upperBound === null ? null : inUnit(y.upperBound, upper.unit, unit)]) ?? []);
  const years = [...new Set([...lowers.keys(), ...uppers.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const lowerBound = lowers.get(year) ?? null;
    const upperBound = uppers.get(year) ?? null;
    const coverage: PairCoverage = !uppers.has(year) ? 'lowerOnly' : !lowers.has(year) ? 'upperOnly' : 'both';
    return { year, lowerBound, upperBound, ...splitAt(lowerBound, upperBound, w), coverage };
  });
}

/** The pair per period: annual averages of the period's years (the rule of ./period-average.ts); a period with none of them is left out. */
export function pairPeriods(years: readonly PairYear[], periods: readonly NegotiationPeriod[]): PairPeriod[] {
  return periods.flatMap((p) => {
    const slice = years.filter((y) => y.year >= p.from && y.year <= p.to);
    if (slice.length === 0) return [];
    const lowerBound = periodAverage(slice.map((y) => y.lowerBound));
    const upperBound = periodAverage(slice.map((y) => y.upperBound));
    // A year with no deal (upper < lower) has no suggestion, so its period has none either; where
    // every year has one, their average is the split of the averages (the split is linear).
    const feasible = lowerBound === null || upperBound === null ? null : slice.every((y) => y.feasible === true);
    return [{ label: p.label, from: p.from, to: p.to, years: slice.length, lowerBound, upperBound, suggestedPayment: periodAverage(slice.map((y) => y.suggestedPayment)), feasible }];
  });
}

/** A saved version with what the pair's fairness shares read of it. */
export type PairVersion = Pick<NegotiationVersion, 'unit' | 'paymentStartYear' | 'years'>;

/**
 * The pair as one version for the fairness shares (decision 0014), in `unit`, over the years both
 * versions have: upstream's costs, subsidies, internal effect, lower bound and payment schedule
 * from the lower version; downstream's benefits, own costs and upper bound from the upper one.
 */
export function pairAsVersion(lower: PairVersion, upper: PairVersion, periods: readonly NegotiationPeriod[], unit: number): NegotiationVersion {
  const down = new Map(upper.years.map((y) => [y.year, y]));
  const fromLower = (v: string) => inUnit(v, lower.unit, unit).toString();
  const fromUpper = (v: string | null) => (v === null ? null : inUnit(v, upper.unit, unit).toString());
  const years: NegotiationYear[] = lower.years.flatMap((y) => {
    const d = down.get(y.year);
    if (!d) return [];
    return [
      {
        year: y.year,
        lowerBound: fromLower(y.lowerBound),
        upperBound: fromUpper(d.upperBound),
        payment: fromLower(y.payment),
        waterVolume: y.waterVolume,
        directCost: fromLower(y.directCost),
        opportunityCost: fromLower(y.opportunityCost),
        subsidies: fromLower(y.subsidies),
        internalEffect: fromLower(y.internalEffect),
        benefits: fromUpper(d.benefits),
        downstreamCosts: fromUpper(d.downstreamCosts)!,
      },
    ];
  });
  return { unit, paymentStartYear: lower.paymentStartYear, years, periods: [...periods] };
}
