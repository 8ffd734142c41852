import 'server-only';
import {
  D,
  ZERO,
  compileScenario,
  distancesFromBounds,
  formatDecimal,
  pairPeriods,
  pairYears,
  scheduleByYear,
  statesLowerBound,
  type AnyResultJson,
  type DistanceFromBounds,
  type Dec,
} from '@/lib/engine';
import type { AppLocale } from '@/lib/domain/locale';
import { versionLabel } from '@/lib/domain/version-label';
import { render, text } from '@/lib/domain/local-text';
import { ZSchedule } from '@/lib/domain/offer-schedule';
import type { Side } from '@/lib/domain/actor';
import type { BargainingZone, OfferDistance, OfferDistances, WholeZonePair, ZoneOffer, ZonePair, ZonePairMissing, ZonePairVersion, ZoneVersion } from '@/lib/contracts/negotiation';
import { parseOrRefuse } from '@/lib/server/scenarios/save-scenario-version';

/**
 * The data of the bargaining-zone view as small JSON DTOs: every amount a decimal string in the
 * version's own unit × currency per year (the client converts for display), prices per m³ in
 * whole currency.
 */

interface StoredVersion {
  id: string;
  number: number;
  message: string;
  createdAt: Date;
  document: unknown;
  result: unknown;
  scenario: { id: string; name: string; side: Side };
}

const orNull = (v: Dec | undefined | null) => (v === undefined || v === null ? null : formatDecimal(v));

// A version that states no lower bound stores null for it and what is built on it (decision 0046);
// its DTO carries the engine's own placeholder 0 with `lowerBoundStated: false`, as the engine's
// Result does, and nothing here lets it stand as a lower bound (zonePairDto, getBargainingZone).
const NOT_STATED = '0';

/**
 * Bounds, payment and Nash suggestion come from the stored pes-result/1 (what the version said when
 * it was saved); volumes, benefits and downstream costs are inputs, read from the document.
 */
export function zoneVersionDto(version: StoredVersion): ZoneVersion {
  const scenario = parseOrRefuse(version.document);
  const result = version.result as AnyResultJson;
  const inputs = compileScenario(scenario);
  const years = result.years.map((y) => {
    const i = y.year - inputs.firstYear;
    return {
      year: y.year,
      lowerBound: y.lowerBound ?? NOT_STATED,
      upperBound: y.upperBound,
      payment: y.payment ?? NOT_STATED,
      suggestedPayment: y.suggestedPayment,
      feasible: y.feasible,
      waterVolume: orNull(inputs.waterVolume[i]),
      directCost: y.directCost,
      opportunityCost: y.opportunityCost,
      subsidies: y.subsidies,
      internalEffect: y.internalEffect,
      benefits: inputs.benefitGiven[i] ? formatDecimal(inputs.benefits[i] ?? ZERO) : null,
      downstreamCosts: formatDecimal(inputs.downstreamCosts[i] ?? ZERO),
    };
  });
  return {
    id: version.id,
    lowerBoundStated: statesLowerBound(result),
    scenarioId: version.scenario.id,
    scenario: version.scenario.name,
    side: version.scenario.side,
    number: version.number,
    message: version.message,
    createdAt: version.createdAt.toISOString(),
    currency: scenario.currency,
    unit: scenario.unit,
    priceBase: scenario.priceBase,
    bargainingWeight: scenario.bargainingWeight ?? '0.5',
    paymentStartYear: scenario.paymentStartYear ?? scenario.startYear,
    backPayAnnuity: result.backPayAnnuity ?? NOT_STATED,
    years,
    periods: result.periods.map((p) => ({ ...p, lowerBound: p.lowerBound ?? NOT_STATED, payment: p.payment ?? NOT_STATED })),
  };
}

// ------------------------------------------------------------------ offers

/** An offer of the timeline, as much of it as the zone reads. */
type OfferRow = Pick<ZoneOffer, 'id' | 'number' | 'fromSide' | 'toSide' | 'status' | 'createdAt' | 'validUntil' | 'createdBy' | 'versionId' | 'version' | 'versionOf'> & { schedule: unknown };

/** The engine's distances as the DTO's decimal strings. */
function distanceDto(d: DistanceFromBounds): OfferDistance {
  return {
    offered: formatDecimal(d.offered),
    lowerBound: formatDecimal(d.lowerBound),
    upperBound: orNull(d.upperBound),
    aboveLower: formatDecimal(d.aboveLower),
    belowUpper: orNull(d.belowUpper),
    pricePerM3: orNull(d.pricePerM3),
  };
}

/**
 * Where an offer's schedule stands against the bounds of the version it was made on, year by
 * year, per period and in total; null for a schedule that does not parse.
 */
export function offerDistances(offerSchedule: unknown, version: ZoneVersion): OfferDistances | null {
  const schedule = ZSchedule.safeParse(offerSchedule);
  if (!schedule.success) return null;
  const d = distancesFromBounds(scheduleByYear(schedule.data, version.unit), version);
  return {
    years: d.years.map((y) => ({ year: y.year, ...distanceDto(y) })),
    periods: d.periods.map((p) => ({ label: p.label, from: p.from, to: p.to, years: p.years, ...distanceDto(p) })),
    totals: distanceDto(d.totals),
  };
}

/** An offer in the zone view: what it is now (status, who), and its distances from both bounds. */
export function zoneOfferDto(offer: OfferRow, version: ZoneVersion, distances = offerDistances(offer.schedule, version)): ZoneOffer | null {
  if (!distances) return null;
  return {
    id: offer.id,
    number: offer.number,
    fromSide: offer.fromSide,
    toSide: offer.toSide,
    status: offer.status,
    createdAt: offer.createdAt,
    validUntil: offer.validUntil,
    createdBy: offer.createdBy,
    versionId: offer.versionId,
    version: offer.version,
    versionOf: offer.versionOf,
    currency: version.currency,
    unit: version.unit,
    priceBase: version.priceBase,
    ...distances,
  };
}

// ------------------------------------------------------------------ the zone between the sides

/** The weight both versions state, else the symmetric 0.5: neither side's own weight is imposed on the other. */
function defaultWeight(lower: ZoneVersion | null, upper: ZoneVersion | null): string {
  if (lower && upper) return new D(lower.bargainingWeight).eq(upper.bargainingWeight) ? formatDecimal(new D(lower.bargainingWeight)) : '0.5';
  return formatDecimal(new D((lower ?? upper)?.bargainingWeight ?? '0.5'));
}

/**
 * The pair of an upstream (lower bound) and a downstream version (upper bound), in `unit`, at
 * weight w (else the default). An upstream version that states no lower bound (no cost or subsidy
 * item) is no lower bound: the pair has none, and `missing` says that version does not state it.
 */
export function zonePairDto({
  lower: asked,
  upper,
  missing: gaps,
  unit,
  currency,
  weight,
  locale = 'en',
}: {
  lower: ZoneVersion | null;
  upper: ZoneVersion | null;
  missing: ZonePairMissing[];
  unit: number;
  currency: string;
  weight?: string;
  locale?: AppLocale;
}): WholeZonePair {
  const stated = !asked || asked.lowerBoundStated;
  const lower = stated ? asked : null;
  const missing: ZonePairMissing[] = stated
    ? gaps
    : [
        ...gaps,
        { bound: 'lower', code: 'lowerBoundNotStated', versionId: asked.id, message: render(text('pairLowerBoundNotStated', { version: versionLabel(asked.scenario, asked.number, locale) }), locale) },
      ];
  const w = weight ?? defaultWeight(lower, upper);
  const years = pairYears(lower, upper, new D(w), unit);
  return {
    lower,
    upper,
    missing,
    unit,
    currency: lower?.currency ?? upper?.currency ?? currency,
    weight: w,
    years: years.map((y) => ({
      year: y.year,
      lowerBound: orNull(y.lowerBound),
      upperBound: orNull(y.upperBound),
      suggestedPayment: orNull(y.suggestedPayment),
      feasible: y.feasible,
      coverage: y.coverage,
    })),
    periods: pairPeriods(years, (lower ?? upper)?.periods ?? []).map((p) => ({
      label: p.label,
      from: p.from,
      to: p.to,
      years: p.years,
      lowerBound: orNull(p.lowerBound),
      upperBound: orNull(p.upperBound),
      suggestedPayment: orNull(p.suggestedPayment),
      feasible: p.feasible,
    })),
  };
}

/** A version of the pair without its years and periods, which the answer sends once (ZonePairVersion). */
function pairVersionHead({ years: _years, periods: _periods, ...head }: ZoneVersion): ZonePairVersion {
  return head;
}

/**
 * The pair as the answer sends it: each of its versions by name, and whole in `pairVersions` only
 * when it is not already among the versions shown (it was sent twice, a third of the answer).
 */
export function pairAnswer(pair: WholeZonePair, shown: readonly ZoneVersion[]): { pair: ZonePair; pairVersions: ZoneVersion[] } {
  const inShown = new Set(shown.map((v) => v.id));
  const whole = [pair.lower, pair.upper].filter((v): v is ZoneVersion => v !== null && !inShown.has(v.id));
  return {
    pair: { ...pair, lower: pair.lower && pairVersionHead(pair.lower), upper: pair.upper && pairVersionHead(pair.upper) },
    pairVersions: [...new Map(whole.map((v) => [v.id, v])).values()],
  };
}

/** The answer's pair with its versions whole again, for the pair's screen. */
export function wholePair(zone: Pick<BargainingZone, 'pair' | 'versions' | 'pairVersions'>): WholeZonePair {
  const byId = new Map([...zone.versions, ...zone.pairVersions].map((v) => [v.id, v]));
  const whole = (head: ZonePairVersion | null) => (head ? (byId.get(head.id) ?? null) : null);
  return { ...zone.pair, lower: whole(zone.pair.lower), upper: whole(zone.pair.upper) };
}
