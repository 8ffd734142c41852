import { z } from 'zod';
import { D, formatDecimal, issueText, parseDecimal, type Dec } from '@/lib/engine';
import { say, saying, text } from './local-text';

const year = z.int(say('mustBeWholeYear')).min(1900, say('yearFrom1900')).max(2200, say('yearTo2200'));
const decimal = (what: 'amount' | 'price' | 'volume') =>
  z.union([z.string(), z.number()], say('mustBeScheduleValue', { what: text(`scheduleValue.${what}`) })).transform((value, ctx) => {
    const parsed = parseDecimal(value);
    if (!parsed.ok) {
      ctx.issues.push({ code: 'custom', message: issueText(parsed.problem), input: value });
      return z.NEVER;
    }
    if (parsed.value.isNegative()) {
      ctx.issues.push({ code: 'custom', message: saying(text('mustNotBeNegative')), input: value });
      return z.NEVER;
    }
    return formatDecimal(parsed.value);
  });

/** One period of an offer's annual schedule: an amount per year, or a price per m³ times a volume. */
export const ZScheduleEntry = z
  .union([
    z.strictObject({ from: year, to: year, amount: decimal('amount') }),
    z.strictObject({ from: year, to: year, pricePerM3: decimal('price'), volume: decimal('volume') }),
  ], say('amountOrPrice'))
  .refine((entry) => entry.to >= entry.from, { path: ['to'], ...say('mustNotBeBefore', { other: text('field.from') }) });
export type ScheduleEntry = z.infer<typeof ZScheduleEntry>;

export const ZSchedule = z
  .array(ZScheduleEntry)
  .min(1, say('giveOnePeriod'))
  .max(200, say('atMostPeriods', { max: 200 }))
  .superRefine((entries, ctx) => {
    const sorted = entries.map((entry, index) => ({ ...entry, index })).sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.from <= sorted[i - 1]!.to) ctx.addIssue({ code: 'custom', path: [sorted[i]!.index, 'from'], message: saying(text('overlapsPeriod', { from: sorted[i - 1]!.from, to: sorted[i - 1]!.to })) });
    }
  });

/** Annual amounts by year in the scenario's unit; a price entry is price · volume / unit. */
export function scheduleByYear(schedule: ScheduleEntry[], unit: number | string): Map<number, Dec> {
  const byYear = new Map<number, Dec>();
  for (const entry of schedule) {
    const amount = 'amount' in entry ? D(entry.amount) : D(entry.pricePerM3).times(entry.volume).dividedBy(unit);
    for (let y = entry.from; y <= entry.to; y++) byYear.set(y, amount);
  }
  return byYear;
}

interface ResultYear {
  year: number;
  lowerBound: string;
  upperBound: string | null;
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
 * bound under-compensates upstream, above the upper bound overcharges downstream.
 */
export function checkAgainstBounds(schedule: ScheduleEntry[], unit: number | string, resultYears: ResultYear[]): BoundCheck {
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
