import { z } from 'zod';
import { ZBoundedDate } from './bounded-values';
import { ZSchedule, ZScheduleRows } from './offer-schedule';
import { codeNames, say } from './local-text';

const ZId = z.uuid(say('mustBeId'));
const ZOfferMessage = z
  .string()
  .trim()
  .max(2000, say('atMostCharacters', { max: 2000 }));

export const ZSendOffer = z.strictObject({
  versionId: ZId,
  schedule: ZSchedule,
  // payment-terms/1 when the payment is performance-linked; checked by the terms engine.
  terms: z.record(z.string(), z.unknown(), say('mustBePaymentTerms')).optional(),
  /** The monitoring data the terms were back-tested on, shown to the receiver with the terms. */
  // A cell is one value or a year's samples; parseMonitoring judges each against the terms.
  termsMonitoring: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.strictObject({ on: z.string(), value: z.string() }))])), say('mustBeMonitoring')).optional(),
  validUntil: ZBoundedDate,
  answersOfferId: ZId.optional(),
  /** The version whose upper bound the offer is checked against; without it, the latest downstream version. */
  upperVersionId: ZId.optional(),
  /** What the sender says with it; a counter says here why it differs. */
  message: ZOfferMessage.optional(),
});
export type SendOfferInput = z.infer<typeof ZSendOffer>;

/** The composer's form: its rows as typed, the validity day, and the message (a counter's says why). */
export const ZOfferForm = z.strictObject({
  rows: ZScheduleRows,
  validUntil: ZBoundedDate,
  message: z.union([ZOfferMessage, z.literal('')]),
});

/** A rejection says why (the rejecting form in the offer room checks it with this too). */
export const ZRejectOffer = z.strictObject({
  move: z.literal('reject'),
  reason: z
    .string()
    .trim()
    .min(1, say('sayWhyRejected'))
    .max(2000, say('atMostCharacters', { max: 2000 })),
});

/** The answers to an offer, as the API names them (a counter is a new offer answering it). */
const offerMoves = ['accept', 'reject', 'withdraw'] as const;
export const ZAnswerOffer = z.discriminatedUnion(
  'move',
  [z.strictObject({ move: z.literal('accept') }), ZRejectOffer, z.strictObject({ move: z.literal('withdraw') })],
  say('moveMustBe', { move: 'move', answersOfferId: 'answersOfferId', ...codeNames(offerMoves, { accept: 'accept', reject: 'reject', withdraw: 'withdraw' }) }),
);
export type AnswerOfferInput = z.infer<typeof ZAnswerOffer>;
