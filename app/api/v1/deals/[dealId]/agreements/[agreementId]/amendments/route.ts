import { NextResponse } from 'next/server';
import { ZProposeAmendment } from '@/lib/domain/amendments';
import { proposeAmendment } from '@/lib/server/agreements/propose-amendment';
import { apiRoute } from '@/lib/server/http/api-route';

// POST { effectiveFrom, reason, changes: { monitoring?: { tp: { tolerance: { absolute: "0.01" } } }, fundingShares?: { central, downstream, upstream } } }
// → 201 { id, number }: pending until every signatory has signed it.
export const POST = apiRoute<{ dealId: string; agreementId: string }>(async (_request, { actor, origin, body }, { dealId, agreementId }) => {
  const created = await proposeAmendment({ actor, origin, dealId, agreementId, input: await body(ZProposeAmendment) });
  return NextResponse.json(created, { status: 201 });
});
