import { NextResponse } from 'next/server';
import { ZSignAgreement } from '@/lib/domain/agreement-schemas';
import { getAgreement } from '@/lib/server/agreements/get-agreement';
import { signAgreement } from '@/lib/server/agreements/sign-agreement';
import { apiRoute } from '@/lib/server/http/api-route';

// POST { password } → 201 and the agreement as it now stands (archived when this was the last signature).
export const POST = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, body }, { dealId, agreementId }) => {
  await signAgreement({ actor, origin, dealId, agreementId, input: await body(ZSignAgreement) });
  return NextResponse.json(await getAgreement({ actor, origin, dealId, agreementId }), { status: 201 });
});
