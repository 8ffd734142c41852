'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import { TermsEditor, blankTerms, termsDocument, type TermsDraft } from '@/components/terms/terms-editor';
import { useUnitWord } from '@/components/ui/use-unit-word';
import { beijingDay, formatAmount, formatDateTime } from '@/lib/domain/format';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import { D } from '@/lib/engine/decimal';
import { boundDistance, checkAgainstBounds, scheduleInUnit, type BoundCheck } from '@/lib/engine/negotiation';
import { yearRuns } from '@/lib/engine/spans';
import { formatRange } from '@/lib/engine/years';
import { parseTerms } from '@/lib/terms';
import type { OfferRoom as OfferRoomDto } from '@/lib/server/offers/get-offer-room';
import { FieldProblem } from '@/components/ui/field-problem';
import { useReaderUnit } from '@/components/reader-unit';

type Offer = OfferRoomDto['offers'][number];
type Version = OfferRoomDto['versions'][number];
type Lang = 'zh' | 'en';

interface Draft {
  answersOfferId?: string;
  answersNumber?: number;
  versionId: string;
  rows: { from: number; to: number; mode: 'amount' | 'price'; amount: string; pricePerM3: string; volume: string }[];
  validUntil: string;
  terms: TermsDraft | null;
}

const statusTone: Record<string, string> = {
  SENT: 'bg-sky-100 text-sky-900',
  ACCEPTED: 'bg-emerald-100 text-emerald-900',
  REJECTED: 'bg-red-100 text-red-900',
  COUNTERED: 'bg-amber-100 text-amber-900',
  WITHDRAWN: 'bg-slate-200 text-slate-700',
  EXPIRED: 'bg-slate-200 text-slate-700',
};

// Days are Beijing days, as the validity's end (23:59:59+08:00) is.
const inDays = (days: number) => beijingDay(new Date(Date.now() + days * 86_400_000));

function draftFor(version: Version, from?: Offer): Draft {
  const schedule = (from?.schedule as ScheduleEntry[] | undefined) ?? null;
  const rows = schedule
    ? schedule.map((e) => ('amount' in e ? { from: e.from, to: e.to, mode: 'amount' as const, amount: e.amount, pricePerM3: '', volume: '' } : { from: e.from, to: e.to, mode: 'price' as const, amount: '', pricePerM3: e.pricePerM3, volume: e.volume }))
    : // A first offer starts at the version's own lower bound per period: the least upstream can accept.
      version.periods.map((p) => ({ from: p.from, to: p.to, mode: 'amount' as const, amount: D(p.lowerBound).toDecimalPlaces(2, 0).toFixed(), pricePerM3: '', volume: '' }));
  return { answersOfferId: from?.id, answersNumber: from?.number, versionId: version.id, rows, validUntil: inDays(30), terms: from?.terms ? ({ ...blankTerms(), ...(from.terms as object) } as TermsDraft) : null };
}

function scheduleOf(draft: Draft): { schedule: ScheduleEntry[]; problems: string[] } {
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

/** How far an offer is from both bounds, as the other side will read it. */
function Distance({ check, unit, lang }: { check: BoundCheck; unit: string; lang: Lang }) {
  const t = useTranslations('offers');
  const scale = useReaderUnit();
  const money = (v: string) => formatAmount(v, lang, { unit, scale });
  const { offered, lowerBound, upperBound } = check.totals;
  const { aboveLower, belowUpper } = boundDistance(D(offered), D(lowerBound), upperBound === null ? null : D(upperBound));
  return (
    <div className="space-y-1 text-sm" data-testid="bound-check">
      <p>
        {t('totalOffered', { amount: money(offered) })} · {t('lowerTotal', { amount: money(lowerBound) })} · {upperBound === null ? t('noUpper') : t('upperTotal', { amount: money(upperBound) })}
      </p>
      <p className="text-slate-600">
        {aboveLower.isNegative() ? t('belowLowerBy', { amount: money(aboveLower.negated().toFixed()) }) : t('aboveLowerBy', { amount: money(aboveLower.toFixed()) })}
        {belowUpper !== null && ` · ${belowUpper.isNegative() ? t('aboveUpperBy', { amount: money(belowUpper.negated().toFixed()) }) : t('belowUpperBy', { amount: money(belowUpper.toFixed()) })}`}
      </p>
      {check.belowLowerYears.length > 0 && (
        <p role="alert" className="rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="flag-below">
          {t('flagBelow', { years: ranges(check.belowLowerYears) })}
        </p>
      )}
      {check.aboveUpperYears.length > 0 && (
        <p role="alert" className="rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="flag-above">
          {t('flagAbove', { years: ranges(check.aboveUpperYears) })}
        </p>
      )}
    </div>
  );
}

/** 2003, 2004, 2005, 2010 → "2003–2005, 2010". */
const ranges = (years: number[]): string => yearRuns(years).map(formatRange).join(', ');

export function OfferRoom({ dealId, room }: { dealId: string; room: OfferRoomDto }) {
  const t = useTranslations('offers');
  const lang: Lang = useLocale() === 'en' ? 'en' : 'zh';
  const [draft, setDraft] = useState<Draft | null>(null);
  const versions = new Map(room.versions.map((v) => [v.id, v]));
  const newest = [...room.offers].reverse();
  const awaiting = room.offers.filter((o) => o.status === 'SENT' && o.toSide === room.mySide).length;

  const startOffer = (from?: Offer) => {
    const version = (from && versions.get(from.versionId)) ?? room.versions.find((v) => v.side === room.mySide) ?? room.versions[0];
    if (version) setDraft(draftFor(version, from));
  };

  return (
    <div className="space-y-6">
      {awaiting > 0 && (
        <p role="status" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="awaiting">
          {t('awaitingYou', { count: awaiting })}
        </p>
      )}
      {room.canOffer && !draft && room.versions.length > 0 && (
        <button type="button" onClick={() => startOffer()} className="rounded-md bg-water-700 px-4 py-2 text-sm font-medium text-white hover:bg-water-800" data-testid="new-offer">
          {t('newOffer')}
        </button>
      )}
      {draft && <Composer dealId={dealId} room={room} draft={draft} onChange={setDraft} onClose={() => setDraft(null)} lang={lang} />}
      {room.offers.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="no-offers">
          <p className="font-medium">{t('empty')}</p>
          <p className="mt-2 text-slate-600">{room.canOffer ? t('emptyNextCanOffer') : t('emptyNext')}</p>
        </div>
      ) : (
        <ol className="space-y-4" data-testid="timeline">
          {newest.map((offer) => (
            <OfferCard key={offer.id} dealId={dealId} offer={offer} version={versions.get(offer.versionId)} room={room} lang={lang} onCounter={() => startOffer(offer)} />
          ))}
        </ol>
      )}
    </div>
  );
}

function OfferCard({ dealId, offer, version, room, lang, onCounter }: { dealId: string; offer: Offer; version?: Version; room: OfferRoomDto; lang: Lang; onCounter: () => void }) {
  const t = useTranslations('offers');
  const tSide = useTranslations('side');
  const tStatus = useTranslations('offerStatus');
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const unit = version?.unit ?? '1';
  const scale = useReaderUnit();
  const money = (v: string) => formatAmount(v, lang, { unit, scale });
  const mine = offer.fromSide === room.mySide;
  const open = offer.status === 'SENT';
  const answer = async (json: unknown) => {
    setBusy(true);
    const outcome = await callApi(`/api/v1/deals/${dealId}/offers/${offer.id}`, { method: 'POST', json });
    setBusy(false);
    if (!outcome.ok) return setFailure(outcome);
    router.refresh();
  };
  const answered = offer.answersOfferId ? room.offers.find((o) => o.id === offer.answersOfferId) : undefined;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="offer" data-offer-number={offer.number}>
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="font-semibold text-water-900">#{offer.number}</span>
        <span className="text-sm">{t('fromTo', { from: tSide(offer.fromSide), to: tSide(offer.toSide) })}</span>
        <span className={`rounded px-1.5 py-0.5 text-xs ${statusTone[offer.status] ?? ''}`} data-testid="offer-status">
          {tStatus(offer.status)}
        </span>
        {answered && <span className="text-xs text-slate-500">{t('counters', { number: answered.number })}</span>}
        <span className="ml-auto text-xs text-slate-500">
          {t('byAt', { name: offer.createdBy, time: formatDateTime(new Date(offer.createdAt), lang) })} · {t('validUntil', { date: formatDateTime(new Date(offer.validUntil), lang) })}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {t('onVersion')}{' '}
        <Link href={`/deals/${dealId}/versions/${offer.versionId}`} className="text-water-700 hover:underline">
          {version?.label ?? offer.version}
        </Link>
      </p>
      <table className="mt-2 w-full max-w-2xl text-right text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 text-left font-medium">{t('years')}</th>
            <th className="py-1 font-medium">{t('perYear')}</th>
          </tr>
        </thead>
        <tbody>
          {(offer.schedule as ScheduleEntry[]).map((e, i) => (
            <tr key={i} className="border-t border-slate-100">
              <td className="num py-1 text-left">{e.from === e.to ? e.from : `${e.from}–${e.to}`}</td>
              <td className="num py-1">{'amount' in e ? money(e.amount) : t('priceTimesVolume', { price: e.pricePerM3, volume: formatAmount(e.volume, lang, { scale: 'wan' }) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-2">
        <Distance check={offer.boundCheck as unknown as BoundCheck} unit={unit} lang={lang} />
      </div>
      {Boolean(offer.terms) && <p className="mt-1 text-sm text-slate-700">{t('withTerms', { name: String((offer.terms as { name?: string }).name ?? 'payment-terms/1') })}</p>}
      {offer.answerReason && (
        <p className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-900">
          {t('rejectedBecause', { name: offer.answeredBy ?? '—', reason: offer.answerReason })}
        </p>
      )}
      {open && room.canOffer && (
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          {!mine && (
            <>
              <button type="button" disabled={busy} onClick={() => answer({ move: 'accept' })} className="rounded-md bg-emerald-700 px-3 py-1.5 text-white hover:bg-emerald-800" data-testid="accept">
                {t('accept')}
              </button>
              <button type="button" disabled={busy} onClick={onCounter} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" data-testid="counter">
                {t('counter')}
              </button>
              <button type="button" disabled={busy} onClick={() => setRejecting(!rejecting)} className="rounded-md border border-red-200 bg-white px-3 py-1.5 text-red-700 hover:bg-red-50" data-testid="reject">
                {t('reject')}
              </button>
            </>
          )}
          {mine && (
            <button type="button" disabled={busy} onClick={() => answer({ move: 'withdraw' })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" data-testid="withdraw">
              {t('withdraw')}
            </button>
          )}
        </div>
      )}
      {rejecting && (
        <form
          className="mt-2 flex flex-wrap items-end gap-2 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            void answer({ move: 'reject', reason });
          }}
        >
          <label className="grid flex-1 gap-1">
            <span>{t('reason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} className="rounded-md border border-slate-300 px-2 py-1" data-testid="reject-reason" />
          </label>
          <button type="submit" disabled={busy || !reason.trim()} className="rounded-md bg-red-700 px-3 py-1.5 text-white disabled:opacity-50" data-testid="reject-confirm">
            {t('rejectConfirm')}
          </button>
        </form>
      )}
      {failure && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {failure.status === 0 ? t('network') : failure.message}
        </p>
      )}
    </li>
  );
}

function Composer({ dealId, room, draft, onChange, onClose, lang }: { dealId: string; room: OfferRoomDto; draft: Draft; onChange: (d: Draft) => void; onClose: () => void; lang: Lang }) {
  const t = useTranslations('offers');
  const readerUnit = useReaderUnit();
  const router = useRouter();
  const unitWord = useUnitWord();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const version = room.versions.find((v) => v.id === draft.versionId) ?? room.versions[0]!;
  const { schedule, problems } = scheduleOf(draft);
  const check = useMemo(() => (problems.length ? null : checkAgainstBounds(schedule, version.unit, version.years)), [problems.length, schedule, version]);
  const termsOutcome = useMemo(() => (draft.terms ? parseTerms(termsDocument(draft.terms)) : null), [draft.terms]);
  const termsProblem = termsOutcome && !termsOutcome.ok ? t('termsInvalid', { count: termsOutcome.problems.length }) : null;
  // `scheduled` in a formula is this offer's payment for the year, in the terms' own unit.
  const scheduledForTerms = useMemo(() => {
    if (problems.length || !draft.terms) return undefined;
    return Object.fromEntries([...scheduleInUnit(schedule, version.unit, String(draft.terms.unit || 1))].map(([year, amount]) => [String(year), amount.toFixed()]));
  }, [problems.length, draft.terms, schedule, version.unit]);
  const setRow = (i: number, patch: Partial<Draft['rows'][number]>) => onChange({ ...draft, rows: draft.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const send = async () => {
    setBusy(true);
    setFailure(null);
    const outcome = await callApi(`/api/v1/deals/${dealId}/offers`, {
      json: {
        versionId: draft.versionId,
        schedule,
        validUntil: new Date(`${draft.validUntil}T23:59:59+08:00`).toISOString(),
        ...(draft.terms ? { terms: termsDocument(draft.terms) } : {}),
        ...(draft.answersOfferId ? { answersOfferId: draft.answersOfferId } : {}),
      },
    });
    setBusy(false);
    if (!outcome.ok) return setFailure(outcome);
    onClose();
    router.refresh();
  };
  return (
    <section className="space-y-4 rounded-lg border-2 border-water-200 bg-white p-4" aria-labelledby="composer-title" data-testid="composer">
      <h2 id="composer-title" className="text-lg font-semibold text-water-900">
        {draft.answersNumber ? t('counterTitle', { number: draft.answersNumber }) : t('newOfferTitle')}
      </h2>
      <label className="grid max-w-xl gap-1 text-sm">
        <span className="font-medium">{t('version')}</span>
        <select
          value={draft.versionId}
          onChange={(e) => onChange({ ...draftFor(room.versions.find((v) => v.id === e.target.value)!), answersOfferId: draft.answersOfferId, answersNumber: draft.answersNumber })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          data-testid="offer-version"
        >
          {room.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
        <span className="text-xs text-slate-500">{t('unitNote', { unit: unitWord(version.unit, version.currency), priceBase: room.deal.priceBase })}</span>
      </label>
      <table className="w-full max-w-4xl text-sm">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="py-1 font-medium">{t('years')}</th>
            <th className="py-1 font-medium">{t('how')}</th>
            <th className="py-1 font-medium">{t('perYearIn', { unit: unitWord(version.unit, version.currency) })}</th>
            <th className="py-1 text-right font-medium">{t('boundsOfPeriod')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.rows.map((row, i) => {
            const period = version.periods.find((p) => p.from === row.from && p.to === row.to);
            return (
              <tr key={i} className="border-t border-slate-100 align-top">
                <td className="num py-2">{row.from === row.to ? row.from : `${row.from}–${row.to}`}</td>
                <td className="py-2">
                  <select value={row.mode} onChange={(e) => setRow(i, { mode: e.target.value as 'amount' | 'price' })} className="rounded border border-slate-300 bg-white px-1 py-1">
                    <option value="amount">{t('modeAmount')}</option>
                    <option value="price">{t('modePrice')}</option>
                  </select>
                </td>
                <td className="py-2">
                  {row.mode === 'amount' ? (
                    <input value={row.amount} onChange={(e) => setRow(i, { amount: e.target.value })} inputMode="decimal" aria-label={t('amountFor', { years: `${row.from}–${row.to}` })} className="num w-44 rounded border border-slate-300 px-2 py-1 text-right" data-testid={`offer-amount-${i}`} />
                  ) : (
                    <span className="flex flex-wrap items-center gap-1">
                      <input value={row.pricePerM3} onChange={(e) => setRow(i, { pricePerM3: e.target.value })} inputMode="decimal" aria-label={t('priceFor', { years: `${row.from}–${row.to}` })} className="num w-24 rounded border border-slate-300 px-2 py-1 text-right" />
                      <span className="text-xs text-slate-500">{t('yuanPerM3')} ×</span>
                      <input value={row.volume} onChange={(e) => setRow(i, { volume: e.target.value })} inputMode="decimal" aria-label={t('volumeFor', { years: `${row.from}–${row.to}` })} className="num w-36 rounded border border-slate-300 px-2 py-1 text-right" />
                      <span className="text-xs text-slate-500">{t('m3PerYear')}</span>
                    </span>
                  )}
                </td>
                <td className="num py-2 text-right text-xs text-slate-600">
                  {period ? `${formatAmount(period.lowerBound, lang, { unit: version.unit, scale: readerUnit })} – ${period.upperBound === null ? '—' : formatAmount(period.upperBound, lang, { unit: version.unit, scale: readerUnit })}` : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.length > 0 ? (
        <p className="text-sm text-red-800" role="alert">
          {t('notNumbers', { fields: problems.join(', ') })}
        </p>
      ) : (
        check && <Distance check={check} unit={version.unit} lang={lang} />
      )}
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="grid gap-1">
          <span className="font-medium">{t('validUntilLabel')}</span>
          <input type="date" value={draft.validUntil} min={inDays(1)} onChange={(e) => onChange({ ...draft, validUntil: e.target.value })} className="rounded-md border border-slate-300 px-2 py-1" data-testid="offer-valid-until" />
        </label>
      </div>
      <section className="space-y-2 text-sm">
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" checked={Boolean(draft.terms)} onChange={(e) => onChange({ ...draft, terms: e.target.checked ? blankTerms() : null })} data-testid="offer-has-terms" />
          {t('termsTitle')}
        </label>
        <p className="text-slate-600">{t('termsHint')}</p>
        {draft.terms && <TermsEditor value={draft.terms} onChange={(terms) => onChange({ ...draft, terms })} scheduled={scheduledForTerms} />}
        {termsProblem && <p className="text-red-800">{termsProblem}</p>}
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" disabled={busy || problems.length > 0 || Boolean(termsProblem)} onClick={() => void send()} className="rounded-md bg-water-700 px-4 py-2 text-sm font-medium text-white hover:bg-water-800 disabled:opacity-50" data-testid="send-offer">
          {busy ? t('sending') : check && (check.belowLowerYears.length || check.aboveUpperYears.length) ? t('sendAnyway') : t('send')}
        </button>
        <button type="button" onClick={onClose} className="text-sm text-slate-600 hover:underline">
          {t('cancel')}
        </button>
      </div>
      {failure && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="offer-failure">
          <p>{failure.status === 0 ? t('network') : failure.message}</p>
          {failure.problems.length > 1 && (
            <ul className="mt-1 list-disc pl-5">
              {failure.problems.map((p, i) => (
                <li key={i}>
                  <FieldProblem field={p.label ?? p.field} message={p.message} fieldClassName="" />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
