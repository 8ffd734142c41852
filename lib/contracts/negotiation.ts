import type { Side } from '@/lib/domain/actor';
import type { NegotiationYear } from '@/lib/engine/negotiation';
import type { PairCoverage } from '@/lib/engine/version-pair';

/**
 * The bargaining-zone view as small JSON DTOs: every amount a decimal string in the version's own
 * unit × currency per year (the client converts for display), prices per m³ in whole currency.
 */

/** A year of a version: what the negotiation arithmetic needs (lib/engine/negotiation.ts), and the stored suggestion. */
export interface ZoneYear extends NegotiationYear {
  suggestedPayment: string | null;
  feasible: boolean | null;
}

export interface ZonePeriod {
  label: string;
  from: number;
  to: number;
  lowerBound: string;
  upperBound: string | null;
  payment: string;
  pricePerM3: string | null;
}

export interface ZoneVersion {
  id: string;
  /**
   * False for a version with no cost or subsidy item (decision 0046): it states only the upper
   * bound, and its lower bound, payment and back-pay annuity here are the engine's placeholder 0,
   * which nobody stated: never shown, never used as a lower bound.
   */
  lowerBoundStated: boolean;
  scenarioId: string;
  scenario: string;
  side: Side;
  number: number;
  message: string;
  createdAt: string;
  currency: string;
  unit: number;
  priceBase: string;
  /** The scenario's own bargaining weight (0.5 when it states none). */
  bargainingWeight: string;
  paymentStartYear: number;
  backPayAnnuity: string;
  years: ZoneYear[];
  periods: ZonePeriod[];
}

/** An offer against its own version's bounds: `aboveLower` = offered − lower (negative: under-compensates upstream), `belowUpper` = upper − offered (negative: overcharges downstream). */
export interface OfferDistance {
  offered: string;
  lowerBound: string;
  upperBound: string | null;
  aboveLower: string;
  belowUpper: string | null;
  /** Price per m³ of the offered amount, whole currency; null without a volume. */
  pricePerM3: string | null;
}

export interface ZoneOffer {
  id: string;
  number: number;
  fromSide: Side;
  toSide: Side;
  status: string;
  createdAt: string;
  validUntil: string;
  createdBy: string;
  versionId: string;
  version: string;
  currency: string;
  unit: number;
  priceBase: string;
  years: (OfferDistance & { year: number })[];
  /** Per period of the offer's version, over the period's years the offer covers (annual averages). */
  periods: (OfferDistance & { label: string; from: number; to: number; years: number })[];
  /** Sums over all years the offer covers. */
  totals: OfferDistance;
}

export type OfferDistances = Pick<ZoneOffer, 'years' | 'periods' | 'totals'>;

export interface ZoneChoice {
  id: string;
  scenarioId: string;
  scenario: string;
  side: string;
  number: number;
  message: string;
  createdAt: string;
  latest: boolean;
}

/** A year of the zone between the sides, in the pair's unit (see ZonePair). */
export interface ZonePairYear {
  year: number;
  lowerBound: string | null;
  upperBound: string | null;
  /** Nash split at the pair's weight; null unless both bounds are known and upper ≥ lower. */
  suggestedPayment: string | null;
  feasible: boolean | null;
  /** `lowerOnly` / `upperOnly`: the year is in one of the two versions only. */
  coverage: PairCoverage;
}

export interface ZonePairPeriod {
  label: string;
  from: number;
  to: number;
  years: number;
  lowerBound: string | null;
  upperBound: string | null;
  suggestedPayment: string | null;
  feasible: boolean | null;
}

/**
 * A bound the pair lacks, because its side has no version or the version picked for it states no
 * lower bound (`versionId`): a code, and its text in the reader's language.
 */
export interface ZonePairMissing {
  bound: 'lower' | 'upper';
  code: 'noUpstreamVersion' | 'noDownstreamVersion' | 'lowerBoundNotStated';
  /** The version picked for the bound that does not state it. */
  versionId?: string;
  message: string;
}

/**
 * The zone between the sides: the lower bound of an upstream version and the upper bound of a
 * downstream one, per year and period, in one unit (the deal's), from the versions' stored
 * results, and the Nash split at weight `weight`.
 */
export interface ZonePair {
  lower: ZoneVersion | null;
  upper: ZoneVersion | null;
  missing: ZonePairMissing[];
  /** Currency per amount unit of every amount of `years` and `periods`. */
  unit: number;
  currency: string;
  /** w as asked, else the weight both versions state, else 0.5. */
  weight: string;
  years: ZonePairYear[];
  /** The lower version's periods (else the upper's). */
  periods: ZonePairPeriod[];
}

export interface BargainingZone {
  deal: { id: string; name: string; nameZh: string; currency: string; unit: number; priceBase: string };
  /** Every version of the deal (both sides'), scenario by scenario, newest version first. */
  choices: ZoneChoice[];
  /** The versions shown, in the order asked for: those that state their lower bound. */
  versions: ZoneVersion[];
  /** Versions asked for (or chosen by default) that state no lower bound, left out of `versions`: `Scenario · v3`. */
  withoutLowerBound: { id: string; label: string }[];
  /** Every offer of the deal, oldest first, against the bounds of the version it was made on. */
  offers: ZoneOffer[];
  /** The zone between an upstream and a downstream version. */
  pair: ZonePair;
  /** The deal's parties, when a side has several (the zone, the offers and the fairness shares by party). */
  parties: NegotiationPartiesDto | null;
}

/** A party of one side in the negotiation: its organisation's names and what it counts for (its share, or its quantity). */
export interface NegotiationPartyDto {
  id: string;
  name: string;
  nameZh: string;
  weight: string;
}

/**
 * The deal's parties as the negotiation splits its sides' figures (lib/engine/party-shares.ts,
 * docs/decisions/0098 and 0108): null when no side has more than one party, the view as before.
 */
export interface NegotiationPartiesDto {
  upstream: NegotiationPartyDto[];
  downstream: NegotiationPartyDto[];
  /** The fraction of every payment the central government funds: the named central funders' part of the funders, else 0. */
  centralShare: string;
}
