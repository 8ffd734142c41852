import 'server-only';
import { hashVerdict } from '@/lib/domain/agreement-state';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import { lineInCurrency } from '@/lib/engine';
import { agreementHash, type AgreementRows } from './agreement-content';

export interface Party {
  side: 'UPSTREAM' | 'DOWNSTREAM';
  organisations: { id: string; name: string; nameZh: string; kind: string }[];
}

export interface DealSnapshot {
  slug: string;
  name: string;
  nameZh: string;
  watershed: string;
  watershedZh: string;
}

/**
 * The hash is recomputed from the stored rows every time an agreement is read: a row changed
 * behind the database's back shows as hashVerified false wherever the agreement appears.
 */
export function verifyAgreement(rows: AgreementRows) {
  const recomputedHash = agreementHash(rows);
  return { recomputedHash, hashVerified: hashVerdict(rows.agreement.status, rows.agreement.hash, recomputedHash) };
}

/** `mayStillSign`: the reader holds the sign right in this deal right now. */
export function agreementSummaryDto(rows: AgreementRows, reader: { userId: string; mayStillSign: boolean }) {
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
export function schedulePeriods(schedule: ScheduleEntry[], unit: number) {
  return [...schedule]
    .sort((a, b) => a.from - b.from)
    .map((entry) => ({
      ...entry,
      perYear: lineInCurrency(entry, unit).toFixed(),
    }));
}
