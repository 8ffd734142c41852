import 'server-only';
import { createHash } from 'node:crypto';
import { NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import type { Agreement, AgreementSignatory, AgreementSignature } from '@/lib/generated/prisma/client';
import { canonicalJson } from '@/lib/infra/audit-chain';
import type { Tx } from '@/lib/server/transaction';

export const agreementFormat = 'pes-agreement/1';

export interface AgreementRows {
  agreement: Agreement;
  signatories: (AgreementSignatory & { signature: AgreementSignature | null })[];
  /** The hash the audit trail recorded when the agreement was archived, or null. */
  auditedHash: string | null;
}

/**
 * The hashes the audit trail recorded when these agreements were archived (sign-agreement.ts
 * writes it into the agreement.archived event, whose keyed hash a database writer cannot forge).
 */
export async function auditedAgreementHashes(client: Tx, agreementIds: string[]): Promise<Map<string, string>> {
  if (agreementIds.length === 0) return new Map();
  const events = await client.auditEvent.findMany({
    where: { action: 'agreement.archived', objectType: 'agreement', objectId: { in: agreementIds } },
    orderBy: { id: 'asc' },
    select: { objectId: true, summary: true },
  });
  const hashes = new Map<string, string>();
  for (const event of events) {
    const hash = (event.summary as { after?: { hash?: unknown } } | null)?.after?.hash;
    if (event.objectId && typeof hash === 'string' && !hashes.has(event.objectId)) hashes.set(event.objectId, hash);
  }
  return hashes;
}

/** The agreement with its signatories and signatures, exactly as stored, or not found. */
export async function loadAgreementRows(client: Tx, dealId: string, agreementId: string): Promise<AgreementRows> {
  const agreement = isId(agreementId) ? await client.agreement.findFirst({ where: { id: agreementId, dealId }, include: { signatories: { include: { signature: true } } } }) : null;
  if (!agreement) throw new NotFoundError('agreement');
  const { signatories, ...row } = agreement;
  const audited = row.status === 'ARCHIVED' ? await auditedAgreementHashes(client, [row.id]) : new Map<string, string>();
  return { agreement: row, signatories, auditedHash: audited.get(row.id) ?? null };
}

/**
 * What is hashed: every stored field that says what was agreed, by whom and when, and nothing
 * derived from other tables (which may change) or from how it is shown. Keys are sorted by
 * canonicalJson; signatories are ordered by side, then user id, so the order rows come back in
 * does not matter. Amounts stay decimal strings.
 */
export function canonicalAgreement({ agreement, signatories }: AgreementRows, archivedAt: Date | null = agreement.archivedAt) {
  return {
    format: agreementFormat,
    id: agreement.id,
    dealId: agreement.dealId,
    number: agreement.number,
    offer: { id: agreement.offerId, number: agreement.offerNumber, acceptedById: agreement.acceptedById },
    version: { id: agreement.versionId, documentHash: agreement.versionDocumentHash },
    deal: agreement.dealSnapshot,
    parties: agreement.parties,
    currency: agreement.currency,
    unit: agreement.unit,
    priceBase: agreement.priceBase,
    startYear: agreement.startYear,
    endYear: agreement.endYear,
    schedule: agreement.schedule,
    terms: agreement.terms ?? null,
    totalAmount: agreement.totalAmount.toFixed(),
    draftedAt: agreement.createdAt,
    archivedAt,
    signatories: [...signatories]
      .sort((a, b) => (a.side === b.side ? (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0) : a.side === 'UPSTREAM' ? -1 : 1))
      .map((s) => ({
        userId: s.userId,
        side: s.side,
        name: s.name,
        email: s.email,
        organisation: { id: s.organisationId, name: s.organisationName, nameZh: s.organisationNameZh },
        signedAt: s.signature?.signedAt ?? null,
      })),
  };
}

export function agreementHash(rows: AgreementRows, archivedAt?: Date | null): string {
  return createHash('sha256')
    .update(canonicalJson(canonicalAgreement(rows, archivedAt)))
    .digest('hex');
}
