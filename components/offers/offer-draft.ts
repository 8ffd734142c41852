import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import type { OfferRoom as OfferRoomDto } from '@/lib/contracts/offers';
import { modelScheduleLines, nashScheduleLines, type ModelVersion } from '@/lib/engine/offer-schedule';
import type { ScheduleLine } from '@/lib/engine/negotiation';
import { blankTerms, type TermsDraft } from '@/components/terms/terms-draft';
import { beijingDay } from '@/lib/domain/format';
import type { Monitoring } from '@/lib/terms';

// An offer being written: its schedule rows as typed, before the form's schema reads them as a schedule.

export type Offer = OfferRoomDto['offers'][number];
export type Version = OfferRoomDto['versions'][number];
export type Lang = 'zh' | 'en';
export type DraftRow = { from: number | string; to: number | string; mode: 'amount' | 'price'; amount: string; pricePerM3: string; volume: string };

/** What the composer opens with: the offer it answers, if any, and its first rows. */
export interface DraftStart {
  answersOfferId?: string;
  answersNumber?: number;
  versionId: string;
  rows: DraftRow[];
  terms: TermsDraft | null;
  /** The back-test data the terms came with. */
  termsMonitoring: Monitoring;
}

// Days are Beijing days, as the validity's end (23:59:59+08:00) is.
export const inDays = (days: number) => beijingDay(new Date(Date.now() + days * 86_400_000));

/** The version as the engine's offer check reads it. */
export const modelOf = (version: Version): ModelVersion => ({ ...version, unit: Number(version.unit) });

/** Money to the cent, rounded up (the engine's prefill), as rows of the composer. */
export function rowsOf(lines: readonly (ScheduleLine | ScheduleEntry)[]): DraftRow[] {
  return lines.map((e) =>
    'amount' in e
      ? { from: e.from, to: e.to, mode: 'amount', amount: e.amount, pricePerM3: '', volume: '' }
      : { from: e.from, to: e.to, mode: 'price', amount: '', pricePerM3: e.pricePerM3, volume: e.volume },
  );
}

/** The model's payment: nothing before the payment start, lower bound + annuity in catch-up years, the lower bound after. */
export const modelRows = (version: Version) => rowsOf(modelScheduleLines(modelOf(version), 2));

/** The pair's Nash suggestion at weight w, on the model's timing. */
export const nashRows = (version: Version, upper: Version, weight: string) => rowsOf(nashScheduleLines(modelOf(version), modelOf(upper), weight, 2));

/** A counter starts from the offer it answers; a first offer from the model's schedule of the version. */
export function draftFor(version: Version, from?: Offer): DraftStart {
  const schedule = (from?.schedule as ScheduleEntry[] | undefined) ?? null;
  return {
    answersOfferId: from?.id,
    answersNumber: from?.number,
    versionId: version.id,
    rows: schedule ? rowsOf(schedule) : modelRows(version),
    terms: from?.terms ? ({ ...blankTerms(), ...(from.terms as object) } as TermsDraft) : null,
    termsMonitoring: from?.termsView?.backTest?.monitoring ?? {},
  };
}

/** A row split in two at its middle year; a one-year row stays as it is. */
export function splitRow(row: DraftRow): DraftRow[] {
  const [from, to] = [Number(row.from), Number(row.to)];
  if (!Number.isInteger(from) || !Number.isInteger(to) || to <= from) return [row];
  const middle = Math.floor((from + to) / 2);
  return [
    { ...row, to: middle },
    { ...row, from: middle + 1 },
  ];
}
