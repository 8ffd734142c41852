import { D, ZERO, nashSplit, type Dec } from '@/lib/engine';
import type { AmountScale } from '@/lib/domain/format';
import type { ZoneVersion, ZoneYear } from '@/lib/server/negotiation/zone-dto';

/**
 * The arithmetic of the bargaining-zone view, in the browser, in decimals: the Nash split at a
 * chosen weight (the engine's nashSplit), period averages, prices per m³ and the fairness shares
 * of docs/decisions/0014-fairness-shares.md. Numbers leave decimal only in `toChartNumber`.
 */

export type ZoneVersionDto = ZoneVersion;
export type ZoneYearDto = ZoneYear;

const dec = (v: string | null): Dec | null => (v === null ? null : new D(v));

/** The engine's Nash split of one year at weight w; null where no upper bound is stated. */
export function suggestedAt(y: ZoneYearDto, w: Dec): Dec | null {
  return y.upperBound === null ? null : nashSplit(new D(y.lowerBound), new D(y.upperBound), w);
}

/** Whole currency per m³ of an amount in `unit` × currency; null without a volume. */
export function perM3(amount: Dec | null, unit: number, volume: string | null): Dec | null {
  return amount === null || volume === null ? null : amount.times(unit).div(volume);
}

/** Annual average over values; null if any is null (the engine's rule for period averages, decision 0103). */
export function averageOrNull(values: (Dec | null)[]): Dec | null {
  if (values.length === 0) return null;
  let total = ZERO;
  for (const v of values) {
    if (v === null) return null;
    total = total.plus(v);
  }
  return total.div(values.length);
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

/** Zone rows of a version at weight w: one per year, or one per period (annual averages). */
export function zoneRows(v: ZoneVersionDto, w: Dec, by: 'period' | 'year'): ZoneRow[] {
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
    const avg = (pick: (r: ZoneRow) => Dec | null) => averageOrNull(slice.map(pick));
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

// ------------------------------------------------------------- fairness

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
export function fairnessPayment(v: ZoneVersionDto, y: ZoneYearDto, w: Dec): Dec {
  if (y.year < v.paymentStartYear) return ZERO;
  const payment = new D(y.payment);
  return y.upperBound === null ? payment : payment.plus(w.times(new D(y.upperBound).minus(y.lowerBound)));
}

function shares(amounts: Record<Party, Dec>): Record<Party, Dec> | null {
  const total = amounts.upstream.plus(amounts.downstream).plus(amounts.central);
  if (total.isZero()) return null;
  return { upstream: amounts.upstream.div(total), downstream: amounts.downstream.div(total), central: amounts.central.div(total) };
}

/** Fairness shares of a version at weight w, per period and over all years (last row). */
export function fairnessRows(v: ZoneVersionDto, w: Dec, allLabel: string): FairnessRow[] {
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

// ------------------------------------------------------------- display

const scaleDivisor: Record<AmountScale, number> = { yuan: 1, thousand: 1e3, wan: 1e4, yi: 1e8 };

/** 亿 when the largest amount reaches 10 亿 (one billion), else 万: the numbers stay short. */
export function chooseScale(amounts: { value: Dec; unit: number }[]): Extract<AmountScale, 'wan' | 'yi'> {
  const largest = amounts.reduce((max, a) => {
    const yuan = a.value.abs().times(a.unit);
    return yuan.gt(max) ? yuan : max;
  }, ZERO);
  return largest.gte(1e9) ? 'yi' : 'wan';
}

/**
 * The one place a model value becomes a JavaScript number: a chart coordinate in the display
 * scale (ECharts draws numbers). Tables and tooltips print the decimals themselves.
 */
export function toChartNumber(value: Dec | null, unit: number, scale: AmountScale): number | null {
  if (value === null) return null;
  return value.times(unit).div(scaleDivisor[scale]).toDecimalPlaces(6).toNumber();
}
