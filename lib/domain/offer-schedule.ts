import { z } from 'zod';
import { formatDecimal, parseDecimal } from '@/lib/engine/decimal';
import { issueText } from '@/lib/engine/problem';
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

/** The fields of a period of the schedule, as its message names them. */
const scheduleFields = { amount: 'amount', pricePerM3: 'pricePerM3', volume: 'volume' } as const;

/** One period of an offer's annual schedule: an amount per year, or a price per m³ times a volume. */
export const ZScheduleEntry = z
  .union(
    [z.strictObject({ from: year, to: year, amount: decimal('amount') }), z.strictObject({ from: year, to: year, pricePerM3: decimal('price'), volume: decimal('volume') })],
    say('amountOrPrice', scheduleFields),
  )
  .refine((entry) => entry.to >= entry.from, { path: ['to'], ...say('mustNotBeBefore', { other: text('field.from') }) });
export type ScheduleEntry = z.infer<typeof ZScheduleEntry>;

/** Periods may come in any order and any length, but never overlap: a year has one amount. */
function refuseOverlaps(entries: readonly { from: number; to: number }[], ctx: z.RefinementCtx) {
  const sorted = entries.map((entry, index) => ({ ...entry, index })).sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.from <= sorted[i - 1]!.to)
      ctx.addIssue({ code: 'custom', path: [sorted[i]!.index, 'from'], message: saying(text('overlapsPeriod', { from: sorted[i - 1]!.from, to: sorted[i - 1]!.to })) });
  }
}

export const ZSchedule = z
  .array(ZScheduleEntry)
  .min(1, say('giveOnePeriod'))
  .max(200, say('atMostPeriods', { max: 200 }))
  .superRefine(refuseOverlaps);

/**
 * The rows of the offer composer as typed (each an amount, or a price per m³ and a volume), checked
 * with the schedule's own rules, field by field, and read as the schedule the API receives.
 */
const ZDraftRowBase = { from: z.coerce.number().pipe(year), to: z.coerce.number().pipe(year) };
export const ZScheduleRows = z
  .array(
    z
      .discriminatedUnion(
        'mode',
        [
          z.object({ ...ZDraftRowBase, mode: z.literal('amount'), amount: decimal('amount'), pricePerM3: z.string(), volume: z.string() }),
          z.object({ ...ZDraftRowBase, mode: z.literal('price'), amount: z.string(), pricePerM3: decimal('price'), volume: decimal('volume') }),
        ],
        say('amountOrPrice', scheduleFields),
      )
      .refine((row) => row.to >= row.from, { path: ['to'], ...say('mustNotBeBefore', { other: text('field.from') }) }),
  )
  .min(1, say('giveOnePeriod'))
  .max(200, say('atMostPeriods', { max: 200 }))
  .superRefine(refuseOverlaps)
  .transform((rows): ScheduleEntry[] => rows.map((r) => (r.mode === 'amount' ? { from: r.from, to: r.to, amount: r.amount } : { from: r.from, to: r.to, pricePerM3: r.pricePerM3, volume: r.volume })));
