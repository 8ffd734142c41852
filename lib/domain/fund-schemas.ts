import { z } from 'zod';
import { parseDecimal } from '@/lib/engine/decimal';
import { agreementStatuses, agreementStatusNames } from './agreement-state';
import { funderNames, funders, paymentDirections } from './ledger';
import { parseTolerance, resolutionMethods } from './monitoring';
import { codeNames, say, saying, text as localText } from './local-text';
import type { TextKey } from './text-catalogue';

/** Request bodies and queries of the fund administration API (docs/api.md, decision 0016). */

const year = z.int(say('mustBeWholeYear')).min(1900, say('yearFrom1900')).max(2200, say('yearTo2200'));
const text = (max: number, empty: TextKey = 'mustNotBeEmpty') => z.string(say(empty)).trim().min(1, say(empty)).max(max, say('atMostCharacters', { max }));

const isoDate = z
  .string(say('mustBeIsoDate'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, say('mustBeIsoDate'))
  .refine((value) => {
    // Refinements run even after the pattern failed: an invalid Date must not throw here.
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, say('notACalendarDate'));

/** A measured value: a decimal string (a JSON number has already passed through a binary double). */
const measured = z
  .string(say('writeValueAsString'))
  .trim()
  .refine((value) => parseDecimal(value).ok, say('mustBeMeasured'));

/**
 * A lab's result as typed: a plain decimal or a censored "<0.025". Its range is the terms' rule,
 * checked by the use case (lib/terms/monitoring-rules.ts parseLabResult); an exponent is no result.
 */
const labResult = z
  .string(say('writeValueAsString'))
  .trim()
  .max(50, say('atMostCharacters', { max: 50 }))
  .regex(/^(?:[<＜]\s*)?[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/, say('mustBeLabResult'));

const sampling = {
  laboratory: text(200, 'laboratoryEmpty'),
  sampledFrom: isoDate,
  sampledTo: isoDate,
};

const samplingOrder = <T extends { sampledFrom: string; sampledTo: string }>(input: T) => input.sampledTo >= input.sampledFrom;

import { entryModes, maxSamplesPerYear } from './monitoring-entry';
export { entryModes, maxSamplesPerYear };

/** The fields of a sample, as its messages name them. */
const sampleFields = { on: 'on', value: 'value' } as const;
/** One dated sample as a lab reports it (lib/terms/measurement.ts Sample). */
const sample = z.strictObject({ on: isoDate, value: labResult }, say('sampleObject', sampleFields));

/** What a result reports: one value with its sampling period, or dated samples. */
interface ValueOrSamples {
  year: number;
  value?: string;
  samples?: { on: string; value: string }[];
  sampledFrom?: string;
  sampledTo?: string;
}

/**
 * Either one `value` with its sampling period, or `samples` whose dates are the period: each
 * sample's date within the year, none twice. A lab's entry and a re-test are read alike
 * (docs/decisions/0097, 0110).
 */
function valueOrSamples(input: ValueOrSamples, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: { error: string }) => ctx.issues.push({ code: 'custom', path, message: message.error, input });
  if (input.samples === undefined) {
    if (input.value === undefined) issue(['value'], say('giveValueOrSamples'));
    if (input.sampledFrom === undefined) issue(['sampledFrom'], say('zod.required'));
    if (input.sampledTo === undefined) issue(['sampledTo'], say('zod.required'));
    if (input.sampledFrom !== undefined && input.sampledTo !== undefined && !samplingOrder({ sampledFrom: input.sampledFrom, sampledTo: input.sampledTo }))
      issue(['sampledTo'], say('mustNotBeBefore', { other: localText('field.sampledFrom') }));
    return;
  }
  if (input.value !== undefined) issue(['value'], say('valueOrSamples'));
  for (const field of ['sampledFrom', 'sampledTo'] as const) if (input[field] !== undefined) issue([field], say('periodFromSamples'));
  const first = new Map<string, number>();
  input.samples.forEach((s, i) => {
    if (typeof input.year === 'number' && s.on.slice(0, 4) !== String(input.year)) issue(['samples', i, 'on'], say('sampleNotInYear', { year: input.year }));
    const seen = first.get(s.on);
    if (seen === undefined) first.set(s.on, i);
    else issue(['samples', i, 'on'], say('sampleDateRepeated', { row: seen + 1 }));
  });
}

const sampleList = z.array(sample, say('samplesList', sampleFields)).min(1).max(maxSamplesPerYear);

/**
 * A result for an indicator and year: either one `value` with its sampling period (sampledFrom,
 * sampledTo), or the year's `samples` [{ on, value }], whose dates are the period (decision 0097).
 * Each sample's date lies within the year, and no date repeats.
 */
export const ZEnterMonitoringValue = z
  .strictObject({
    year,
    indicator: z.string(say('nameIndicator')).trim().min(1, say('nameIndicator')).max(100),
    value: labResult.optional(),
    samples: sampleList.optional(),
    laboratory: sampling.laboratory,
    sampledFrom: isoDate.optional(),
    sampledTo: isoDate.optional(),
  })
  .superRefine(valueOrSamples);
export type EnterMonitoringValueInput = z.infer<typeof ZEnterMonitoringValue>;

/**
 * The entry form holds both ways at once (a mode, the one value with its period, sample rows);
 * what it sends, and what is checked, is the chosen way's, by ZEnterMonitoringValue (the API's).
 */
export const ZEnterMonitoringForm = z
  .record(z.string(), z.unknown())
  .transform((form) => {
    const kept = form.mode === 'samples' ? ['year', 'indicator', 'laboratory', 'samples'] : ['year', 'indicator', 'laboratory', 'value', 'sampledFrom', 'sampledTo'];
    return Object.fromEntries(Object.entries(form).filter(([key]) => kept.includes(key)));
  })
  .pipe(ZEnterMonitoringValue);

export const ZResolveDispute = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('ACCEPT'), year, indicator: text(100), valueId: z.uuid(say('mustBeCurrentResultId')), note: text(2000, 'sayWhyAccepted') }),
    z.strictObject({ method: z.literal('AVERAGE'), year, indicator: text(100), note: text(2000, 'sayWhyAveraged') }),
    // A re-test reports one value with its sampling period, or its dated samples (docs/decisions/0110).
    z
      .strictObject({
        method: z.literal('RETEST'),
        year,
        indicator: text(100),
        value: measured.optional(),
        samples: sampleList.optional(),
        laboratory: sampling.laboratory,
        sampledFrom: isoDate.optional(),
        sampledTo: isoDate.optional(),
        note: text(2000, 'describeRetest'),
      })
      .superRefine(valueOrSamples),
  ],
  say('methodMustBeOneOf', { field: 'method', options: [...resolutionMethods] }),
);
export type ResolveDisputeInput = z.infer<typeof ZResolveDispute>;

/** The fields each way of resolving sends besides the year and indicator. */
const resolutionFields = { ACCEPT: ['valueId', 'note'], AVERAGE: ['note'], RETEST: ['laboratory', 'note'] } as const;
/** A re-test's own fields by how it reports: one value with its period, or samples (the form's `retestMode`). */
const retestFields = { value: ['value', 'sampledFrom', 'sampledTo'], samples: ['samples'] } as const;

/**
 * The dispute form in the browser holds every method's fields at once; what it sends, and what is
 * checked, is the chosen method's, by ZResolveDispute (the API's schema).
 */
export const ZResolveDisputeForm = z
  .record(z.string(), z.unknown())
  .transform((form) => {
    const retest = form.method === 'RETEST' ? retestFields[form.retestMode === 'samples' ? 'samples' : 'value'] : [];
    const fields: readonly string[] = [...(resolutionFields[form.method as keyof typeof resolutionFields] ?? []), ...retest];
    return Object.fromEntries(Object.entries(form).filter(([key]) => key === 'method' || key === 'year' || key === 'indicator' || fields.includes(key)));
  })
  .pipe(ZResolveDispute);

const optionalDecimal = z
  .union([z.string(), z.null()], say('decimalOrNull', { nullValue: String(null) }))
  .optional()
  .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value.trim()));

/** An indicator's tolerance, checked as the fund checks it (parseTolerance), so the form says what the server would. */
const tolerance = z.strictObject({ absolute: optionalDecimal, relative: optionalDecimal }).superRefine((value, ctx) => {
  const outcome = parseTolerance(value);
  if (!outcome.ok) for (const p of outcome.problems) ctx.issues.push({ code: 'custom', path: [p.field], message: p.text ? saying(p.text) : p.message, input: value });
});

export const ZSetTolerances = z.strictObject({
  tolerances: z.record(
    z
      .string()
      .regex(/^[A-Za-z_]\w*$/, say('notIndicatorName'))
      .max(100),
    tolerance,
    say('tolerancesMap', { absolute: 'absolute', relative: 'relative' } satisfies Record<string, keyof z.infer<typeof tolerance>>),
  ),
});
export type SetTolerancesInput = z.infer<typeof ZSetTolerances>;

export const ZSetFundingShares = z.strictObject({
  shares: z.record(z.string(), z.string(say('writeShareAsString')), say('sharesMap', funderNames)),
});

export const ZRunSettlement = z.strictObject({ year });

export const ZCloseMonitoringEntry = z.strictObject({ year });
export type CloseMonitoringEntryInput = z.infer<typeof ZCloseMonitoringEntry>;

export const ZConfirmSettlement = z.strictObject({
  /** The fingerprint of the run the administrator looked at: confirming refuses a run whose data changed since. */
  fingerprint: z.string(say('giveFingerprint')).regex(/^[0-9a-f]{64}$/, say('mustBeFingerprint')),
});

export const ZRecordPayment = z.strictObject({
  year,
  funder: z.enum(funders, say('mustBeFunder', funderNames)),
  /** The organisation on the funder line that pays (or is repaid), by its id in the terms' parties (docs/decisions/0110). */
  party: text(200, 'mustBeOrganisationId').optional(),
  direction: z.enum(paymentDirections, say('mustBeDirection', codeNames(paymentDirections, { toUpstream: 'TO_UPSTREAM', fromUpstream: 'FROM_UPSTREAM' }))).default('TO_UPSTREAM'),
  amount: z.string(say('writeAmountAsString')).trim().min(1, say('mustNotBeEmpty')),
  paidOn: isoDate,
  reference: text(200, 'giveReference'),
  overpaymentNote: z
    .string()
    .trim()
    .max(2000, say('atMostCharacters', { max: 2000 }))
    .optional(),
  /** A second payment identical to a recorded one is refused unless the fund says it is intended. */
  confirmDuplicate: z.boolean(say('mustBeTrueOrFalse')).optional(),
});
export type RecordPaymentInput = z.infer<typeof ZRecordPayment>;

/** The correction of a recorded payment: a reversal naming it, with the reason and the day the money went back. */
export const ZReversePayment = z.strictObject({
  reverses: z.uuid(say('mustBePaymentId')),
  reason: text(2000, 'sayWhyReversed'),
  paidOn: isoDate,
});
export type ReversePaymentInput = z.infer<typeof ZReversePayment>;

/** `POST …/payments` takes either: a body naming `reverses` is a reversal. */
export const ZPaymentRequest = z.unknown().transform((value, ctx): RecordPaymentInput | ReversePaymentInput => {
  const reversal = typeof value === 'object' && value !== null && 'reverses' in value;
  const parsed = (reversal ? ZReversePayment : ZRecordPayment).safeParse(value);
  if (!parsed.success) {
    ctx.issues.push(...(parsed.error.issues as never[]));
    return z.NEVER;
  }
  return parsed.data;
});
export const isReversal = (input: RecordPaymentInput | ReversePaymentInput): input is ReversePaymentInput => 'reverses' in input;

const exportFormats = ['json', 'csv', 'xlsx'] as const;
const tableFormats = ['csv', 'xlsx'] as const;
export const ZExportFormat = z.strictObject({
  format: z.enum(exportFormats, say('mustBeJsonCsvXlsx', codeNames(exportFormats, { jsonValue: 'json', csvValue: 'csv', xlsxValue: 'xlsx' }))).default('json'),
});

export const ZMonitoringTemplate = z.strictObject({
  year: z.coerce.number(say('mustBeYear')).pipe(year),
  format: z.enum(tableFormats, say('mustBeCsvXlsx', codeNames(tableFormats, { csvValue: 'csv', xlsxValue: 'xlsx' }))).default('xlsx'),
  /** One row per indicator for the year's value, or one row per sample (decision 0097). */
  layout: z.enum(entryModes, say('mustBeOneOf', { options: [...entryModes] })).default('value'),
});

const amount = z
  .string()
  .trim()
  .refine((value) => {
    const parsed = parseDecimal(value);
    return parsed.ok && !parsed.value.isNegative();
  }, say('nonNegativeAmount'));

/** The archive's filters: those of the agreements' own archive plus the parties and a span of years. */
export const ZFundArchiveFilter = z
  .strictObject({
    q: z.string().trim().max(200).optional(),
    watershed: z.string().trim().min(1).max(200).optional(),
    party: z.string().trim().min(1).max(200).optional(),
    status: z.enum(agreementStatuses, say('mustBeAgreementStatus', agreementStatusNames)).optional(),
    fromYear: z.coerce.number(say('mustBeYear')).pipe(year).optional(),
    toYear: z.coerce.number(say('mustBeYear')).pipe(year).optional(),
    minAmount: amount.optional(),
    maxAmount: amount.optional(),
  })
  .refine((f) => f.fromYear === undefined || f.toYear === undefined || f.toYear >= f.fromYear, { path: ['toYear'], ...say('mustNotBeBefore', { other: localText('field.fromYear') }) });
export type FundArchiveFilter = z.infer<typeof ZFundArchiveFilter>;
