import { ZAnswerOffer } from '@/lib/domain/offer-schemas';
import { apiRoute } from '@/lib/server/http/api-route';
import { answerOffer } from '@/lib/server/offers/answer-offer';

// POST { move: 'accept' } | { move: 'reject', reason } | { move: 'withdraw' }
export const POST = apiRoute<{ dealId: string; offerId: string }>(async (_request, { actor, origin, body }, { dealId, offerId }) =>
  answerOffer({ actor, origin, dealId, offerId, input: await body(ZAnswerOffer) }),
);
