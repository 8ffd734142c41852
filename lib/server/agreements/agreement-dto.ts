import 'server-only';
import type { AgreementSummary, SchedulePeriod } from '@/lib/contracts/agreements';
import { hashVerdict } from '@/lib/domain/agreement-state';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import { lineInCurrency } from '@/lib/engine';
import { agreementHash, type AgreementRows } from './agreement-content';

/**
 * The hash is recomputed from the stored rows every time an agreement is read, and compared with
 * the one the audit trail recorded at archiving: a row changed behind the database's back, even
 * with its hash recomputed, shows as hashVerified false wherever the agreement appears.
 */
export function verifyAgreement(rows: AgreementRows) {
  const recomputedHash = agreementHash(rows);
  return { recomputedHash, auditedHash: rows.auditedHash, hashVerified: hashVerdict(rows.agreement.status, rows.agreement.hash, recomputedHash, rows.auditedHash) };
}

/** `mayStillSign`: the reader holds the sign right in this deal right now. */
export function agreementSummaryDto(rows: AgreementRows, reader: { userId: string; mayStillSign: boolean }): AgreementSummary {
  const { agreement, signatories } = rows;
  const mine = signatories.find((s) => s.userId === reader.userId);
  const { hashVerified } = verifyAgreement(rows);
  return {
    id: agreement.id,
    dealId: agreement.dealId,
    number: agreement.number,
    status: agreement.status,
    startYear: agreement.startYear,
    endYear: agreement.endYear,
    currency: agreement.currency,
    unit: agreement.unit,
    priceBase: agreement.priceBase,
    // Whole currency, a decimal string.
    totalAmount: agreement.totalAmount.toFixed(),
    offerId: agreement.offerId,
    offerNumber: agreement.offerNumber,
    versionId: agreement.versionId,
    draftedAt: agreement.createdAt.toISOString(),
    archivedAt: agreement.archivedAt?.toISOString() ?? null,
    hash: agreement.hash,
    hashVerified,
    signatures: { given: signatories.filter((s) => s.signature).length, required: signatories.length },
    awaitingMySignature: agreement.status === 'DRAFT' && Boolean(mine) && !mine!.signature && reader.mayStillSign,
  };
}

/** The schedule's periods with the yearly amount in whole currency next to what the offer said. */
export function schedulePeriods(schedule: ScheduleEntry[], unit: number): SchedulePeriod[] {
  return [...schedule]
    .sort((a, b) => a.from - b.from)
    .map((entry) => ({
      ...entry,
      perYear: lineInCurrency(entry, unit).toFixed(),
    }));
}
