import { NextResponse } from 'next/server';
import { ValidationError } from '@/lib/domain/errors';
import { unstorableText } from '@/lib/domain/storable-json';
import { apiRoute, limitedFormData } from '@/lib/server/http/api-route';
import { maxEvidenceBytes, uploadEvidence } from '@/lib/server/scenarios/upload-evidence';
import { text } from '@/lib/domain/local-text';

// multipart/form-data with one field "file"; answers { sha256, contentType, size, fileName }.
export const POST = apiRoute<{ dealId: string }>(async (request, { actor, origin }, { dealId }) => {
  const form = await limitedFormData(request, maxEvidenceBytes + 64 * 1024, () => new ValidationError(text('fileTooLarge', { mb: maxEvidenceBytes / 1024 / 1024 }), 'file'));
  const file = form?.get('file');
  if (!(file instanceof File)) {
    throw new ValidationError(text('sendFileAsMultipart', { field: 'file' }), 'file');
  }
  // The name goes into the audit trail, which cannot hold a NUL or a lone surrogate.
  const badName = unstorableText(file.name);
  if (badName) throw new ValidationError(text('fileNameUnstorable', { problem: badName }), 'file');
  const bytes = new Uint8Array(await file.arrayBuffer());
  return NextResponse.json(await uploadEvidence({ actor, origin, dealId, fileName: file.name, declaredType: file.type, bytes }), { status: 201 });
});
