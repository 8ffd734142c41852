'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Money } from '@/components/ui/money';
import { Problems } from '@/components/ui/problems';
import type { BadgeTone } from '@/components/ui/variants';
import { useDomainForm } from '@/components/ui/use-domain-form';
import { formatAmount, formatDateTime } from '@/lib/domain/format';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import type { BoundCheck } from '@/lib/engine/negotiation';
import { ZRejectOffer } from '@/lib/domain/offer-schemas';
import type { OfferRoom as OfferRoomDto } from '@/lib/contracts/offers';
import { useReaderUnit } from '@/components/reader-unit';
import { Distance } from './bound-distance';
import type { Lang, Offer, Version } from './offer-draft';

const statusTone: Record<string, BadgeTone> = {
  SENT: 'info',
  ACCEPTED: 'success',
  REJECTED: 'danger',
  COUNTERED: 'warning',
  WITHDRAWN: 'neutral',
  EXPIRED: 'neutral',
};

/** One offer of the timeline, with the answers its reader may give. */
export function OfferCard({ dealId, offer, version, room, lang, onCounter }: { dealId: string; offer: Offer; version?: Version; room: OfferRoomDto; lang: Lang; onCounter: () => void }) {
  const t = useTranslations('offers');
  const tSide = useTranslations('side');
  const tStatus = useTranslations('offerStatus');
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const rejection = useDomainForm(ZRejectOffer, { defaultValues: { move: 'reject', reason: '' } });
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const unit = version?.unit ?? '1';
  const scale = useReaderUnit();
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
        <Badge tone={statusTone[offer.status] ?? 'neutral'} testId="offer-status">
          {tStatus(offer.status)}
        </Badge>
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
              <td className="num py-1">{'amount' in e ? <Money value={e.amount} unit={unit} scale={scale} /> : t('priceTimesVolume', { price: e.pricePerM3, volume: formatAmount(e.volume, lang, { scale: 'wan' }) })}</td>
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
              <Button intent="success" disabled={busy} onClick={() => answer({ move: 'accept' })} testId="accept">
                {t('accept')}
              </Button>
              <Button intent="secondary" disabled={busy} onClick={onCounter} testId="counter">
                {t('counter')}
              </Button>
              <Button intent="dangerOutline" disabled={busy} onClick={() => setRejecting(!rejecting)} testId="reject">
                {t('reject')}
              </Button>
            </>
          )}
          {mine && (
            <Button intent="secondary" disabled={busy} onClick={() => answer({ move: 'withdraw' })} testId="withdraw">
              {t('withdraw')}
            </Button>
          )}
        </div>
      )}
      {rejecting && (
        <form className="mt-2 flex flex-wrap items-end gap-2 text-sm" onSubmit={rejection.handleSubmit((move) => answer(move))} noValidate>
          <Field label={t('reason')} className="flex-1" error={rejection.formState.errors.reason?.message}>
            <Input maxLength={2000} testId="reject-reason" {...rejection.register('reason')} />
          </Field>
          <Button type="submit" intent="danger" disabled={busy} testId="reject-confirm">
            {t('rejectConfirm')}
          </Button>
        </form>
      )}
      {failure && <Problems failure={failure} className="mt-2" />}
    </li>
  );
}
