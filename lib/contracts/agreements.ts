import type { Side } from '@/lib/domain/actor';
import type { AgreementStatus } from '@/lib/domain/agreement-state';
import type { AgreementNavigation } from '@/lib/domain/agreement-navigation';
import type { AuditDescription } from '@/lib/domain/audit-summary';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';

/** A party as copied into the agreement when it was drafted. */
export interface Party {
  side: 'UPSTREAM' | 'DOWNSTREAM';
  organisations: { id: string; name: string; nameZh: string; kind: string }[];
}

/** The deal's names as copied into the agreement when it was drafted. */
export interface DealSnapshot {
  slug: string;
  name: string;
  nameZh: string;
  watershed: string;
  watershedZh: string;
}

/** An agreement in a list: amounts are decimal strings in whole currency, times ISO 8601. */
export interface AgreementSummary {
  id: string;
  dealId: string;
  number: number;
  status: AgreementStatus;
  startYear: number;
  endYear: number;
  currency: string;
  unit: number;
  priceBase: string;
  totalAmount: string;
  offerId: string;
  offerNumber: number;
  versionId: string;
  draftedAt: string;
  archivedAt: string | null;
  hash: string | null;
  hashVerified: boolean | null;
  signatures: { given: number; required: number };
  awaitingMySignature: boolean;
}

/** A period of the schedule with its yearly amount in whole currency next to what the offer said. */
export type SchedulePeriod = ScheduleEntry & { perYear: string };

export interface AgreementSignatory {
  id: string;
  userId: string;
  name: string;
  email: string;
  side: Side;
  organisation: { id: string; name: string; nameZh: string };
  signedAt: string | null;
}

export interface AgreementDetail extends AgreementSummary {
  recomputedHash: string;
  auditedHash: string | null;
  deal: DealSnapshot;
  parties: Party[];
  schedule: SchedulePeriod[];
  terms: Record<string, unknown> | null;
  /** The version the agreement was drafted from; its fields null when the version is gone. */
  version:
    | { id: string; number: number; scenarioId: string; scenarioName: string; side: Side; documentHash: string }
    | { id: string; number: null; scenarioId: null; scenarioName: null; side: null; documentHash: string };
  signatories: AgreementSignatory[];
  me: { isSignatory: boolean; hasSigned: boolean; maySign: boolean; mayProposeAmendment: boolean };
  /** The pages of this agreement the reader is shown a way to (docs/decisions/0088). */
  navigation: AgreementNavigation;
  amendments: AmendmentDto[];
  audit: { seq: number; at: string; action: string; actor: string | null; description: AuditDescription; hash: string }[];
}

/** A signed agreement as the deal's page links it: the pages of it the reader is shown. */
export interface AgreementLinks {
  id: string;
  number: number;
  startYear: number;
  endYear: number;
  navigation: AgreementNavigation;
}

/** An amendment of a signed agreement (docs/decisions/0089); times ISO 8601. */
export interface AmendmentDto {
  id: string;
  number: number;
  /** The changed sections, as written in payment-terms/1. */
  changes: { monitoring?: Record<string, Record<string, unknown>>; fundingShares?: Record<string, string> };
  effectiveFrom: number;
  reason: string;
  proposedBy: { name: string; side: Side };
  createdAt: string;
  /** When the last signature made it effective; null while pending. */
  signedAt: string | null;
  signatures: { signatoryId: string; name: string; side: Side; signedAt: string | null }[];
  me: { isSignatory: boolean; hasSigned: boolean };
}
