import type { Side } from '@/lib/domain/actor';
import type { OfferStatus } from '@/lib/domain/offer-state';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import type { BoundCheck } from '@/lib/engine/negotiation';

/** An offer as stored, with its status as of now (a sent offer past its validity is EXPIRED); times ISO 8601. */
export interface OfferDto {
  id: string;
  number: number;
  fromSide: Side;
  toSide: Side;
  createdById: string;
  createdAt: string;
  versionId: string;
  schedule: ScheduleEntry[];
  /** A payment-terms/1 document, when the payment is performance-linked. */
  terms: Record<string, unknown> | null;
  validUntil: string;
  /** The schedule against its version's bounds, as checked when it was sent. */
  boundCheck: BoundCheck;
  answersOfferId: string | null;
  status: OfferStatus;
  answeredAt: string | null;
  answeredById: string | null;
  answerReason: string | null;
}

/** An offer on the deal's timeline, with the names of who made and answered it and its version's label. */
export interface TimelineOffer extends OfferDto {
  createdBy: string;
  answeredBy: string | null;
  version: string;
}

/** A version an offer may be made on, with the bounds the browser checks it against before sending. */
export interface OfferRoomVersion {
  id: string;
  label: string;
  side: Side;
  unit: string;
  currency: string;
  periods: { label: string; from: number; to: number; lowerBound: string; upperBound: string | null }[];
  years: { year: number; lowerBound: string; upperBound: string | null }[];
}

export interface OfferRoom {
  deal: { id: string; name: string; nameZh: string; priceBase: string; currency: string };
  mySide: Side;
  canOffer: boolean;
  offers: TimelineOffer[];
  versions: OfferRoomVersion[];
}
