import { z } from 'zod';
import { parseDecimal } from '@/lib/engine';
import { agreementStatuses } from './agreement-state';
import { funders, paymentDirections } from './ledger';
import { resolutionMethods } from './monitoring';

/** Request bodies and queries of the fund administration API (docs/api.md, decision 0016). */

const year = z.int('must be a whole year').min(1900, 'must be 1900 or later').max(2200, 'must be 2200 or earlier');
const text = (max: number, empty = 'must not be empty') => z.string(empty).trim().min(1, empty).max(max, `must be at most ${max} characters`);

const isoDate = z
  .string('must be a date written YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    // Refinements run even after the pattern failed: an invalid Date must not throw here.
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'is not a date in the calendar');

/** A measured value: a decimal string (a JSON number has already passed through a binary double). */
const measured = z.string('write the value as a decimal string, e.g. "2.31"').trim().refine((value) => parseDecimal(value).ok, 'must be a decimal number such as 2.31 (no units, separators or "<")');

const sampling = {
  laboratory: text(200, 'name the laboratory that measured it'),
  sampledFrom: isoDate,
  sampledTo: isoDate,
};

const samplingOrder = <T extends { sampledFrom: string; sampledTo: string }>(input: T) => input.sampledTo >= input.sampledFrom;

export const ZEnterMonitoringValue = z
  .strictObject({
    year,
    indicator: z.string('name the indicator').trim().min(1, 'name the indicator').max(100),
    value: measured,
    ...sampling,
  })
  .refine(samplingOrder, { path: ['sampledTo'], message: 'must not be before sampledFrom' });
export type EnterMonitoringValueInput = z.infer<typeof ZEnterMonitoringValue>;

export const ZResolveDispute = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('ACCEPT'), year, indicator: text(100), valueId: z.uuid('must be the id of one of the current results'), note: text(2000, 'say why this result is accepted') }),
    z.strictObject({ method: z.literal('AVERAGE'), year, indicator: text(100), note: text(2000, 'say why the results are averaged') }),
    z
      .strictObject({ method: z.literal('RETEST'), year, indicator: text(100), value: measured, ...sampling, note: text(2000, 'describe the re-test') })
      .refine(samplingOrder, { path: ['sampledTo'], message: 'must not be before sampledFrom' }),
  ],
  { error: `method must be one of ${resolutionMethods.join(', ')}` },
);
export type ResolveDisputeInput = z.infer<typeof ZResolveDispute>;

const optionalDecimal = z
  .union([z.string(), z.null()], 'a decimal string, or null for none')
  .optional()
  .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value.trim()));

export const ZSetTolerances = z.strictObject({
  tolerances: z.record(z.string().regex(/^[A-Za-z_]\w*$/, 'not an indicator name').max(100), z.strictObject({ absolute: optionalDecimal, relative: optionalDecimal }), 'a map from indicator to { absolute, relative }'),
});
export type SetTolerancesInput = z.infer<typeof ZSetTolerances>;

export const ZSetFundingShares = z.strictObject({
  shares: z.record(z.string(), z.string('write each share as a decimal string, e.g. "0.5"'), 'a map from funder (CENTRAL, DOWNSTREAM, UPSTREAM) to a share'),
});

export const ZRunSettlement = z.strictObject({ year });

export const ZConfirmSettlement = z.strictObject({
  /** The fingerprint of the run the administrator looked at: confirming refuses a run whose data changed since. */
  fingerprint: z.string('give the fingerprint of the run you checked').regex(/^[0-9a-f]{64}$/, 'must be the fingerprint of a run'),
});

export const ZRecordPayment = z.strictObject({
  year,
  funder: z.enum(funders, `must be one of ${funders.join(', ')}`),
  direction: z.enum(paymentDirections, 'must be TO_UPSTREAM (the funder pays the upstream party) or FROM_UPSTREAM (the upstream party pays back)').default('TO_UPSTREAM'),
  amount: z.string('write the amount as a decimal string, e.g. "1234567.89"').trim().min(1, 'must not be empty'),
  paidOn: isoDate,
  reference: text(200, 'give the bank or treasury reference'),
  overpaymentNote: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
});
export type RecordPaymentInput = z.infer<typeof ZRecordPayment>;

export const ZExportFormat = z.strictObject({ format: z.enum(['json', 'csv', 'xlsx'], 'must be json, csv or xlsx').default('json') });

export const ZMonitoringTemplate = z.strictObject({ year: z.coerce.number('must be a year').pipe(year), format: z.enum(['csv', 'xlsx'], 'must be csv or xlsx').default('xlsx') });

const amount = z.string().trim().refine((value) => {
  const parsed = parseDecimal(value);
  return parsed.ok && !parsed.value.isNegative();
}, 'must be a non-negative decimal amount in whole currency');

/** The archive's filters: those of the agreements' own archive plus the parties and a span of years. */
export const ZFundArchiveFilter = z
  .strictObject({
    q: z.string().trim().max(200).optional(),
    watershed: z.string().trim().min(1).max(200).optional(),
    party: z.string().trim().min(1).max(200).optional(),
    status: z.enum(agreementStatuses, 'must be DRAFT, ARCHIVED or VOID').optional(),
    fromYear: z.coerce.number('must be a year').pipe(year).optional(),
    toYear: z.coerce.number('must be a year').pipe(year).optional(),
    minAmount: amount.optional(),
    maxAmount: amount.optional(),
  })
  .refine((f) => f.fromYear === undefined || f.toYear === undefined || f.toYear >= f.fromYear, { path: ['toYear'], message: 'must not be before fromYear' });
export type FundArchiveFilter = z.infer<typeof ZFundArchiveFilter>;
