import { NextResponse } from 'next/server';
import { ValidationError } from '@/lib/domain/errors';
import { apiRoute, limitedFormData, unstorableText } from '@/lib/server/http/api-route';
import { maxEvidenceBytes, uploadEvidence } from '@/lib/server/scenarios/upload-evidence';

// multipart/form-data with one field "file"; answers { sha256, contentType, size, fileName }.
export const POST = apiRoute<{ dealId: string }>(async (request, { actor, origin }, { dealId }) => {
  const form = await limitedFormData(request, maxEvidenceBytes + 64 * 1024, () => new ValidationError(`the file is larger than ${maxEvidenceBytes / 1024 / 1024} MB`, 'file'));
  const file = form?.get('file');
  if (!(file instanceof File)) {
    throw new ValidationError('send the file as multipart/form-data in a field named "file"', 'file');
  }
  // The name goes into the audit trail, which cannot hold a NUL or a lone surrogate.
  const badName = unstorableText(file.name);
  if (badName) throw new ValidationError(`the file name ${badName}`, 'file');
  const bytes = new Uint8Array(await file.arrayBuffer());
  return NextResponse.json(await uploadEvidence({ actor, origin, dealId, fileName: file.name, declaredType: file.type, bytes }), { status: 201 });
});
