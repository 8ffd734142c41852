import { NextResponse } from 'next/server';
import { ZCloseMonitoringEntry } from '@/lib/domain/fund-schemas';
import { closeMonitoringEntry } from '@/lib/server/fund/close-monitoring-entry';
import { apiRoute } from '@/lib/server/http/api-route';

// { year }: every lab's results for that year become visible to every member (decision 0067).
export const POST = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, body }, { dealId, agreementId }) => {
  const input = await body(ZCloseMonitoringEntry);
  return NextResponse.json(await closeMonitoringEntry({ actor, origin, dealId, agreementId, input }), { status: 201 });
});
