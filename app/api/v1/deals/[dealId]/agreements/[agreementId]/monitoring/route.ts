import { NextResponse } from 'next/server';
import { ZEnterMonitoringValue } from '@/lib/domain/fund-schemas';
import { enterMonitoringValue } from '@/lib/server/fund/enter-monitoring-value';
import { getMonitoring } from '@/lib/server/fund/get-monitoring';
import { apiRoute } from '@/lib/server/http/api-route';

type Params = { dealId: string; agreementId: string };

export const GET = apiRoute<Params>(async (_request, { actor, origin }, { dealId, agreementId }) => getMonitoring({ actor, origin, dealId, agreementId }));

// One result of the caller's own side: { year, indicator, value, laboratory, sampledFrom, sampledTo }.
export const POST = apiRoute<Params>(async (_request, { actor, origin, body }, { dealId, agreementId }) => {
  const input = await body(ZEnterMonitoringValue);
  return NextResponse.json(await enterMonitoringValue({ actor, origin, dealId, agreementId, input }), { status: 201 });
});
