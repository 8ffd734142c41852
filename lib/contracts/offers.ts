import type { Side } from '@/lib/domain/actor';
import type { NegotiationPartiesDto } from './negotiation';
import type { OfferStatus } from '@/lib/domain/offer-state';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import type { AnyResultJson } from '@/lib/engine';
import type { ModelVersion, StoredOfferCheck } from '@/lib/engine/offer-schedule';
import type { Monitoring, PartiesSection, PaymentTerms, Settlement } from '@/lib/terms';
import type { BelowLimitRule } from '@/lib/terms/monitoring-rules';

/**
 * An offer's performance terms as its receiver reads them (the payment-terms/1 fields it shows,
 * typed as lib/terms parses them), with the sender's back-test.
 */
export interface OfferTermsView extends Pick<PaymentTerms, 'name' | 'currency' | 'unit' | 'from' | 'to' | 'constants' | 'indicators' | 'formulas'> {
  /**
   * Each indicator's detection-limit rule as the terms state it (their monitoring section, the
   * default where they are silent): a list of samples is shown with its mean counting censored
   * samples as the terms do, the same figure the settlement computes.
   */
  belowLimit: Record<string, BelowLimitRule>;
  /** The monitoring data the sender back-tested on and what each year would have paid; null without data. */
  backTest: { monitoring: Monitoring; settlement: Settlement } | null;
}

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
  /**
   * The schedule against the pair, as checked when it was sent: each year's status (deferred to
   * the catch-up, below the lower bound, above the upper bound) and the present value of the whole
   * term. Offers sent before decision 0052 carry only the BoundCheck part.
   */
  boundCheck: StoredOfferCheck;
  /** The version the upper bound came from; null for offers sent before it was recorded. */
  upperVersionId: string | null;
  /** What the sender says with the offer; a counter says why it differs. */
  message: string | null;
  termsView: OfferTermsView | null;
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

/**
 * A version an offer may be made on, or whose upper bound it is checked against: the model's
 * payment, bounds, payment start, catch-up years and i_s, which the browser checks an offer
 * against before it is sent (the server checks again).
 */
export interface OfferRoomVersion extends Omit<ModelVersion, 'unit'> {
  id: string;
  /**
   * False for a version that states only the upper bound (no cost or subsidy item, decision 0046):
   * no offer is made on it and its lower bound is not shown (its years carry the engine's 0, which
   * nobody stated); it may still give the upper bound.
   */
  lowerBoundStated: boolean;
  label: string;
  side: Side;
  unit: string;
  currency: string;
  /** The scenario's bargaining weight w of the Nash suggestion. */
  bargainingWeight: string;
  startYear: number;
  endYear: number;
  /** As stored: `lowerBound` null where the version states none. */
  periods: Pick<AnyResultJson['periods'][number], 'label' | 'from' | 'to' | 'lowerBound' | 'upperBound'>[];
}

export interface OfferRoom {
  deal: { id: string; name: string; nameZh: string; priceBase: string; currency: string };
  mySide: Side;
  canOffer: boolean;
  offers: TimelineOffer[];
  versions: OfferRoomVersion[];
  /** The upper version an offer is checked against unless another is chosen: the latest downstream version, else null. */
  defaultUpperVersionId: string | null;
  /** What terms drafted with an offer start from besides the schedule's years and the version's unit: the deal's parties as the terms' section, null when it names none. */
  termsDefaults: { parties: PartiesSection | null };
  /** The deal's parties, when a side has several: each offer by party. */
  parties: NegotiationPartiesDto | null;
}
