import 'server-only';
import { createHash } from 'node:crypto';
import { ValidationError } from '@/lib/domain/errors';
import type { Tx } from '@/lib/server/transaction';
import { evidenceType } from '@/lib/server/scenarios/evidence-type';
import { text } from '@/lib/domain/local-text';

export const maxRetestEvidenceBytes = 10 * 1024 * 1024;

/** Checks a re-test's evidence before any transaction; its SHA-256 and type. */
export async function checkEvidence(file: { fileName: string; bytes: Uint8Array }) {
  if (file.bytes.byteLength === 0) throw new ValidationError(text('evidenceEmpty'), 'file');
  if (file.bytes.byteLength > maxRetestEvidenceBytes) throw new ValidationError(text('evidenceTooLarge', { mb: maxRetestEvidenceBytes / 1024 / 1024 }), 'file');
  const type = await evidenceType(file.bytes, file.fileName);
  if (!type) throw new ValidationError(text('evidenceType'), 'file');
  return { sha256: createHash('sha256').update(file.bytes).digest('hex'), contentType: type, size: file.bytes.byteLength, fileName: file.fileName.slice(0, 255), bytes: file.bytes };
}

/** Stores it once by its hash (content-addressed, shared with scenario evidence), as evidence of the deal. */
export async function storeEvidence(tx: Tx, dealId: string, file: Awaited<ReturnType<typeof checkEvidence>>) {
  const existing = await tx.evidenceFile.findUnique({ where: { sha256: file.sha256 }, select: { sha256: true } });
  if (!existing) await tx.evidenceFile.create({ data: { sha256: file.sha256, contentType: file.contentType, size: file.size, bytes: Buffer.from(file.bytes) } });
  await tx.dealEvidence.createMany({ data: [{ dealId, sha256: file.sha256 }], skipDuplicates: true });
}
