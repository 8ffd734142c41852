import { NextResponse } from 'next/server';
import { ZSendOffer } from '@/lib/domain/offer-schemas';
import { apiRoute } from '@/lib/server/http/api-route';
import { listOffers } from '@/lib/server/offers/list-offers';
import { sendOffer } from '@/lib/server/offers/send-offer';

type Params = { dealId: string };

export const GET = apiRoute<Params>(async (_request, { actor, origin }, { dealId }) => ({ offers: await listOffers({ actor, origin, dealId }) }));

// A counter-offer is an offer with answersOfferId.
export const POST = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId }) => {
  const input = await body(ZSendOffer, { maxBytes: 512 * 1024 });
  return NextResponse.json(await sendOffer({ actor, origin, dealId, input }), { status: 201 });
});
