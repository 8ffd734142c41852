import { z } from 'zod';
import { formatDecimal, parseDecimal } from '@/lib/engine';
import { inParseLanguage, say, text } from './local-text';

const year = z.int(say('mustBeWholeYear')).min(1900, say('yearFrom1900')).max(2200, say('yearTo2200'));
const decimal = (what: 'amount' | 'price' | 'volume') =>
  z.union([z.string(), z.number()], say('mustBeScheduleValue', { what: text(`scheduleValue.${what}`) })).transform((value, ctx) => {
    const parsed = parseDecimal(value);
    if (!parsed.ok) {
      ctx.issues.push({ code: 'custom', message: parsed.reason, input: value });
      return z.NEVER;
    }
    if (parsed.value.isNegative()) {
      ctx.issues.push({ code: 'custom', message: inParseLanguage(text('mustNotBeNegative')), input: value });
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
  .refine((entry) => entry.to >= entry.from, { path: ['to'], ...say('mustNotBeBefore', { other: 'from' }) });
export type ScheduleEntry = z.infer<typeof ZScheduleEntry>;

export const ZSchedule = z
  .array(ZScheduleEntry)
  .min(1, say('giveOnePeriod'))
  .max(200, say('atMostPeriods', { max: 200 }))
  .superRefine((entries, ctx) => {
    const sorted = entries.map((entry, index) => ({ ...entry, index })).sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.from <= sorted[i - 1]!.to) ctx.addIssue({ code: 'custom', path: [sorted[i]!.index, 'from'], message: inParseLanguage(text('overlapsPeriod', { from: sorted[i - 1]!.from, to: sorted[i - 1]!.to })) });
    }
  });
