import { z } from 'zod';
import { ZBoundedDate } from './bounded-values';
import { ZSchedule } from './offer-schedule';
import { say } from './local-text';

const ZId = z.uuid(say('mustBeId'));

export const ZSendOffer = z.strictObject({
  versionId: ZId,
  schedule: ZSchedule,
  // payment-terms/1 when the payment is performance-linked; checked by the terms engine.
  terms: z.record(z.string(), z.unknown(), say('mustBePaymentTerms')).optional(),
  validUntil: ZBoundedDate,
  answersOfferId: ZId.optional(),
});
export type SendOfferInput = z.infer<typeof ZSendOffer>;

/** A rejection says why (the rejecting form in the offer room checks it with this too). */
export const ZRejectOffer = z.strictObject({ move: z.literal('reject'), reason: z.string().trim().min(1, say('sayWhyRejected')).max(2000, say('atMostCharacters', { max: 2000 })) });

export const ZAnswerOffer = z.discriminatedUnion('move', [
  z.strictObject({ move: z.literal('accept') }),
  ZRejectOffer,
  z.strictObject({ move: z.literal('withdraw') }),
], say('moveMustBe'));
export type AnswerOfferInput = z.infer<typeof ZAnswerOffer>;
