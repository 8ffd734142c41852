'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Problems } from '@/components/ui/problems';
import { TermsView } from '@/components/terms/terms-view';
import type { BadgeTone } from '@/components/ui/variants';
import { formatDateTime } from '@/lib/domain/format';
import type { OfferRoom as OfferRoomDto } from '@/lib/contracts/offers';
import { Distance } from './bound-distance';
import { OfferByParty } from '@/components/negotiation/party-shares';
import { useReaderUnit } from '@/components/reader-unit';
import { ScheduleTable } from './schedule-table';
import type { Lang, Offer, Version } from './offer-draft';
import { Notice } from '@/components/ui/notice';

// The rejection's form (react-hook-form) is fetched when the reader starts rejecting.
const RejectForm = dynamic(() => import('./reject-form').then((m) => m.RejectForm));

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
  const scale = useReaderUnit();
  const [rejecting, setRejecting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [showTerms, setShowTerms] = useState(false);
  // Offers sent before the check knew its unit are read in their version's unit.
  const unit = String(offer.boundCheck.unit ?? version?.unit ?? '1');
  const mine = offer.fromSide === room.mySide;
  const open = offer.status === 'SENT';
  const upper = offer.upperVersionId ? room.versions.find((v) => v.id === offer.upperVersionId) : undefined;
  const answer = async (json: { move: string }) => {
    setBusy(true);
    const outcome = await callApi<{ agreementId?: string }>(`/api/v1/deals/${dealId}/offers/${offer.id}`, { method: 'POST', json });
    setBusy(false);
    if (!outcome.ok) return setFailure(outcome);
    // An accepted offer has its agreement drafted: that is where the signing happens.
    if (outcome.data.agreementId) return router.push(`/deals/${dealId}/agreements/${outcome.data.agreementId}`);
    router.refresh();
  };
  const years = `${Math.min(...offer.schedule.map((e) => e.from))}–${Math.max(...offer.schedule.map((e) => e.to))}`;
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
      {upper && upper.id !== offer.versionId && <p className="text-sm text-slate-600">{t('upperFrom', { version: upper.label })}</p>}
      {offer.message && (
        <Notice tone="brand" size="sm" role={undefined} className="mt-2" testId="offer-message-text">
          {t('messageFrom', { name: offer.createdBy, message: offer.message })}
        </Notice>
      )}
      <div className="mt-2">
        <ScheduleTable schedule={offer.schedule} unit={unit} testId="offer-schedule" />
      </div>
      <div className="mt-2">
        <Distance check={offer.boundCheck} unit={unit} />
      </div>
      {room.parties && (
        <div className="mt-2">
          <OfferByParty parties={room.parties} totals={offer.boundCheck.totals} unit={unit} scale={scale} lang={lang} />
        </div>
      )}
      {offer.termsView && (
        <div className="mt-2 text-sm">
          <Button intent="plain" size="sm" onClick={() => setShowTerms(!showTerms)} testId="offer-show-terms" aria-expanded={showTerms}>
            {showTerms ? t('hideTerms', { name: offer.termsView.name }) : t('showTerms', { name: offer.termsView.name })}
          </Button>
          {showTerms && <TermsView terms={offer.termsView} testId="offer-terms" />}
        </div>
      )}
      {offer.answerReason && (
        <Notice tone="error" size="sm" role={undefined} className="mt-2" testId="offer-rejected-because">
          {t('rejectedBecause', { name: offer.answeredBy ?? '—', reason: offer.answerReason })}
        </Notice>
      )}
      {open && room.canOffer && (
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          {!mine && (
            <>
              <Button intent="success" disabled={busy} onClick={() => setConfirming(true)} testId="accept">
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
      {rejecting && <RejectForm busy={busy} onReject={answer} />}
      {failure && <Problems failure={failure} className="mt-2" />}
      <ConfirmDialog
        open={confirming}
        title={t('acceptTitle', { number: offer.number, years })}
        busy={busy}
        confirmLabel={t('acceptConfirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void answer({ move: 'accept' }).then(() => setConfirming(false))}
        testId="accept-dialog"
        className="max-w-4xl"
        body={
          <div className="space-y-3 text-sm">
            <p>{t('acceptBody', { from: tSide(offer.fromSide), to: tSide(offer.toSide) })}</p>
            <ScheduleTable schedule={offer.schedule} unit={unit} testId="accept-schedule" />
            {offer.termsView ? <TermsView terms={offer.termsView} testId="accept-terms" /> : <p className="text-slate-600">{t('acceptNoTerms')}</p>}
            <p className="text-slate-600">{t('acceptNext')}</p>
          </div>
        }
      />
    </li>
  );
}
