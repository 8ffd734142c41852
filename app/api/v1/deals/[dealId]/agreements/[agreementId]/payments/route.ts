import { NextResponse } from 'next/server';
import { ZRecordPayment } from '@/lib/domain/fund-schemas';
import { recordPayment } from '@/lib/server/fund/record-payment';
import { apiRoute } from '@/lib/server/http/api-route';

// { year, funder, direction?, amount, paidOn, reference, overpaymentNote? }
export const POST = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, body }, { dealId, agreementId }) => {
  const input = await body(ZRecordPayment);
  return NextResponse.json(await recordPayment({ actor, origin, dealId, agreementId, input }), { status: 201 });
});
