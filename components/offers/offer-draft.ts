import { D } from '@/lib/engine/decimal';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import type { OfferRoom as OfferRoomDto } from '@/lib/contracts/offers';
import { blankTerms, type TermsDraft } from '@/components/terms/terms-editor';
import { beijingDay } from '@/lib/domain/format';

// An offer being written: its schedule rows as typed, before they become a ScheduleEntry list.

export type Offer = OfferRoomDto['offers'][number];
export type Version = OfferRoomDto['versions'][number];
export type Lang = 'zh' | 'en';

export interface Draft {
  answersOfferId?: string;
  answersNumber?: number;
  versionId: string;
  rows: { from: number; to: number; mode: 'amount' | 'price'; amount: string; pricePerM3: string; volume: string }[];
  validUntil: string;
  terms: TermsDraft | null;
}

// Days are Beijing days, as the validity's end (23:59:59+08:00) is.
export const inDays = (days: number) => beijingDay(new Date(Date.now() + days * 86_400_000));

export function draftFor(version: Version, from?: Offer): Draft {
  const schedule = (from?.schedule as ScheduleEntry[] | undefined) ?? null;
  const rows = schedule
    ? schedule.map((e) => ('amount' in e ? { from: e.from, to: e.to, mode: 'amount' as const, amount: e.amount, pricePerM3: '', volume: '' } : { from: e.from, to: e.to, mode: 'price' as const, amount: '', pricePerM3: e.pricePerM3, volume: e.volume }))
    : // A first offer starts at the version's own lower bound per period: the least upstream can accept.
      version.periods.map((p) => ({ from: p.from, to: p.to, mode: 'amount' as const, amount: D(p.lowerBound).toDecimalPlaces(2, 0).toFixed(), pricePerM3: '', volume: '' }));
  return { answersOfferId: from?.id, answersNumber: from?.number, versionId: version.id, rows, validUntil: inDays(30), terms: from?.terms ? ({ ...blankTerms(), ...(from.terms as object) } as TermsDraft) : null };
}

export function scheduleOf(draft: Draft): { schedule: ScheduleEntry[]; problems: string[] } {
  const problems: string[] = [];
  const schedule = draft.rows.map((row, i): ScheduleEntry => {
    const ok = (v: string) => /^\d+(\.\d+)?$/.test(v.trim());
    if (row.mode === 'amount') {
      if (!ok(row.amount)) problems.push(`schedule[${i}].amount`);
      return { from: row.from, to: row.to, amount: row.amount.trim() };
    }
    if (!ok(row.pricePerM3)) problems.push(`schedule[${i}].pricePerM3`);
    if (!ok(row.volume)) problems.push(`schedule[${i}].volume`);
    return { from: row.from, to: row.to, pricePerM3: row.pricePerM3.trim(), volume: row.volume.trim() };
  });
  return { schedule, problems };
}
