import { z } from 'zod';
import { ZSchedule } from './offer-schedule';

const ZId = z.uuid('must be an id (UUID)');

export const ZSendOffer = z.strictObject({
  versionId: ZId,
  schedule: ZSchedule,
  // payment-terms/1 when the payment is performance-linked; checked by the terms engine.
  terms: z.record(z.string(), z.unknown(), 'must be a payment-terms/1 document').optional(),
  validUntil: z.coerce.date('must be a date'),
  answersOfferId: ZId.optional(),
});
export type SendOfferInput = z.infer<typeof ZSendOffer>;

export const ZAnswerOffer = z.discriminatedUnion('move', [
  z.strictObject({ move: z.literal('accept') }),
  z.strictObject({ move: z.literal('reject'), reason: z.string().trim().min(1, 'say why the offer is rejected').max(2000, 'must be at most 2000 characters') }),
  z.strictObject({ move: z.literal('withdraw') }),
], { error: 'move must be accept, reject or withdraw (a counter is a new offer with answersOfferId)' });
export type AnswerOfferInput = z.infer<typeof ZAnswerOffer>;
