import { NextResponse } from 'next/server';
import { ZSignAgreement } from '@/lib/domain/agreement-schemas';
import { signAmendment } from '@/lib/server/agreements/sign-amendment';
import { apiRoute } from '@/lib/server/http/api-route';

// POST { password } → 201 { id, number, effective }: effective when this was the last signature.
export const POST = apiRoute<{ dealId: string; agreementId: string; amendmentId: string }>(async (_request, { actor, origin, body }, { dealId, agreementId, amendmentId }) => {
  const signed = await signAmendment({ actor, origin, dealId, agreementId, amendmentId, input: await body(ZSignAgreement) });
  return NextResponse.json(signed, { status: 201 });
});
