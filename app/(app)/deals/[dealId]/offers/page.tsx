import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { OfferRoom } from '@/components/offers/offer-room';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { getOfferRoom } from '@/lib/server/offers/get-offer-room';

/** Offers and counter-offers between the two sides, newest first, each against its bounds. */
export default async function OffersPage({ params }: { params: Promise<{ dealId: string }> }) {
  const { dealId } = await params;
  const { actor, origin } = await pageContext();
  const room = await orNotFound(getOfferRoom({ actor, origin, dealId }));
  const [t, locale] = await Promise.all([getTranslations('offers'), getLocale()]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold text-water-900">{t('title')}</h1>
          <p className="text-sm text-slate-600">{locale === 'en' ? room.deal.name : room.deal.nameZh}</p>
        </div>
        <Link href={`/deals/${dealId}`} className="text-sm text-water-700 hover:underline">
          {t('backToDeal')}
        </Link>
      </div>
      <p className="text-slate-600">{t('subtitle')}</p>
      <OfferRoom dealId={dealId} room={room} />
    </div>
  );
}
