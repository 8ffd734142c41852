import { NextResponse } from 'next/server';
import { isReversal, ZPaymentRequest } from '@/lib/domain/fund-schemas';
import { recordPayment } from '@/lib/server/fund/record-payment';
import { reversePayment } from '@/lib/server/fund/reverse-payment';
import { apiRoute } from '@/lib/server/http/api-route';

// { year, funder, direction?, amount, paidOn, reference, overpaymentNote?, confirmDuplicate? }
// or a correction: { reverses: paymentId, reason, paidOn }
export const POST = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, body }, { dealId, agreementId }) => {
  const input = await body(ZPaymentRequest);
  const payment = isReversal(input) ? await reversePayment({ actor, origin, dealId, agreementId, input }) : await recordPayment({ actor, origin, dealId, agreementId, input });
  return NextResponse.json(payment, { status: 201 });
});
