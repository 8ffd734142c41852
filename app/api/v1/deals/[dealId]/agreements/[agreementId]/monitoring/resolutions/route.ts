import { NextResponse } from 'next/server';
import { ValidationError } from '@/lib/domain/errors';
import { ZResolveDispute } from '@/lib/domain/fund-schemas';
import { maxRetestEvidenceBytes } from '@/lib/server/fund/evidence-file';
import { resolveDispute } from '@/lib/server/fund/resolve-dispute';
import { apiRoute, formJson, limitedFormData } from '@/lib/server/http/api-route';
import { text } from '@/lib/domain/local-text';
import { schemaProblems } from '@/lib/domain/schema-problems';

// JSON { method: "ACCEPT", valueId … } | { method: "AVERAGE" … }, or multipart/form-data with
// "resolution" (that JSON, method "RETEST") and "file" (the re-test's evidence).
export const POST = apiRoute<{ dealId: string; agreementId: string }>(async (request, { actor, origin, body }, { dealId, agreementId }) => {
  if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    const input = await body(ZResolveDispute);
    return NextResponse.json(await resolveDispute({ actor, origin, dealId, agreementId, input }), { status: 201 });
  }
  const form = await limitedFormData(request, maxRetestEvidenceBytes + 64 * 1024, () => new ValidationError(text('evidenceTooLarge', { mb: maxRetestEvidenceBytes / 1024 / 1024 }), 'file'));
  const json = formJson(form, 'resolution');
  const parsed = ZResolveDispute.safeParse(json);
  if (!parsed.success) throw ValidationError.listing(schemaProblems(parsed.error.issues, { resolution: json }, undefined, ['resolution']));
  const file = form?.get('file');
  const evidence = file instanceof File ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  return NextResponse.json(await resolveDispute({ actor, origin, dealId, agreementId, input: parsed.data, evidence }), { status: 201 });
});
