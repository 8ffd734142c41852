'use client';

import { useLocale, useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { OfferRoom as OfferRoomDto } from '@/lib/contracts/offers';
import { OfferCard } from './offer-card';
import { loadTermsCheck } from '@/components/terms/use-terms-check';
import { draftFor, type DraftStart, type Lang, type Offer } from './offer-draft';
import { EmptyState } from '@/components/ui/empty-state';

// The composer (schedule rows, the terms editor, their live checks) is fetched when an offer is
// started, not with the room (docs/decisions/0099-page-weight-under-200-kb.md).
const OfferComposer = dynamic(() => import('./offer-composer').then((m) => m.OfferComposer));

/** A deal's offers: the timeline, newest first, and the composer for a new offer or a counter-offer. */
export function OfferRoom({ dealId, room }: { dealId: string; room: OfferRoomDto }) {
  const t = useTranslations('offers');
  const lang: Lang = useLocale() === 'en' ? 'en' : 'zh';
  const [draft, setDraft] = useState<DraftStart | null>(null);
  const versions = new Map(room.versions.map((v) => [v.id, v]));
  // An offer is made on a version that states the lower bound it is checked against.
  const offerable = room.versions.filter((v) => v.lowerBoundStated);
  const newest = [...room.offers].reverse();
  const awaiting = room.offers.filter((o) => o.status === 'SENT' && o.toSide === room.mySide).length;

  const startOffer = (from?: Offer) => {
    const asked = from && versions.get(from.versionId);
    const version = (asked?.lowerBoundStated ? asked : undefined) ?? offerable.find((v) => v.side === room.mySide) ?? offerable[0];
    if (!version) return;
    // The terms editor's engine comes with the composer, not after it.
    loadTermsCheck();
    setDraft(draftFor(version, from));
  };

  return (
    <div className="space-y-6">
      {awaiting > 0 && (
        <Notice tone="info" testId="awaiting">
          {t('awaitingYou', { count: awaiting })}
        </Notice>
      )}
      {room.canOffer && offerable.length === 0 && room.versions.length > 0 && (
        <Notice tone="info" testId="no-lower-bound">
          {t('noVersionStatesLowerBound')}
        </Notice>
      )}
      {room.canOffer && !draft && offerable.length > 0 && (
        <Button size="lg" onClick={() => startOffer()} testId="new-offer">
          {t('newOffer')}
        </Button>
      )}
      {draft && <OfferComposer key={draft.answersOfferId ?? 'new'} dealId={dealId} room={room} start={draft} onClose={() => setDraft(null)} />}
      {room.offers.length === 0 ? (
        <EmptyState title={t('empty')} hint={room.canOffer ? t('emptyNextCanOffer') : t('emptyNext')} testId="no-offers" />
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
