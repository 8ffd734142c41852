import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { evidenceType } from './evidence-type';
import { text } from '@/lib/domain/local-text';

export const maxEvidenceBytes = 10 * 1024 * 1024;

/** Stores a file once by its SHA-256, as evidence of this deal; a version of the deal links to it by that hash when it is saved. */
export async function uploadEvidence({
  actor,
  origin,
  dealId,
  fileName,
  declaredType,
  bytes,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  fileName: string;
  declaredType: string;
  bytes: Uint8Array;
}) {
  const { membership } = await requireDealAccess({ actor, dealId, right: 'edit', origin });
  if (bytes.byteLength === 0) throw new ValidationError(text('fileEmpty'), 'file');
  if (bytes.byteLength > maxEvidenceBytes) throw new ValidationError(text('fileTooLarge', { mb: maxEvidenceBytes / 1024 / 1024 }), 'file');
  const contentType = await evidenceType(bytes, fileName);
  if (!contentType) throw new ValidationError(text('evidenceAccepted'), 'file');
  if (declaredType && declaredType !== contentType && !(contentType === 'text/csv' && /^(text\/|application\/vnd\.ms-excel)/.test(declaredType))) {
    throw new ValidationError(text('fileTypeMismatch', { declared: declaredType, actual: contentType }), 'file');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db().$transaction(async (tx) => {
    const existing = await tx.evidenceFile.findUnique({ where: { sha256 }, select: { sha256: true } });
    if (!existing) await tx.evidenceFile.create({ data: { sha256, contentType, size: bytes.byteLength, bytes: Buffer.from(bytes) } });
    await tx.dealEvidence.createMany({ data: [{ dealId, sha256 }], skipDuplicates: true });
    await appendAuditEvent(tx, {
      action: 'evidence.uploaded',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'evidence_file', id: sha256 },
      summary: { after: { fileName: fileName.slice(0, 255), contentType, size: bytes.byteLength } },
    });
    return { sha256, contentType, size: bytes.byteLength, fileName };
  });
}
