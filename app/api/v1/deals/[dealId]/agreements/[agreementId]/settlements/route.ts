import { NextResponse } from 'next/server';
import { ZRunSettlement } from '@/lib/domain/fund-schemas';
import { listSettlements } from '@/lib/server/fund/list-settlements';
import { runSettlementYear } from '@/lib/server/fund/run-settlement';
import { apiRoute } from '@/lib/server/http/api-route';

type Params = { dealId: string; agreementId: string };

export const GET = apiRoute<Params>(async (_request, { actor, origin, locale }, { dealId, agreementId }) => listSettlements({ actor, origin, dealId, agreementId, locale }));

// { year }: runs the terms and keeps the draft; 400 lists every reason the year cannot settle.
export const POST = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId, agreementId }) => {
  const { year } = await body(ZRunSettlement);
  return NextResponse.json(await runSettlementYear({ actor, origin, dealId, agreementId, year }), { status: 201 });
});
