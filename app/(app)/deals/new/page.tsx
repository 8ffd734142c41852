import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { DealStatusSteps } from '@/components/deals/deal-status-steps';
import { NewDealForm } from '@/components/deals/new-deal-form';
import { mayCreateDeals, mayGrantPartyRights } from '@/lib/domain/deal-rights';
import { dealUnits } from '@/lib/domain/deal-schemas';
import { currentActor } from '@/lib/server/auth/current-actor';

/** A platform or fund administrator opens a deal with its periods and first members (POST /api/v1/deals). */
export default async function NewDealPage() {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  // Nobody else may create deals; the page is as absent for them as any deal they are not in.
  if (!mayCreateDeals(actor)) notFound();
  const [t, tEditor] = await Promise.all([getTranslations('newDeal'), getTranslations('editor')]);
  const unitOptions = dealUnits.map((unit) => ({ value: String(unit), label: t('unitOption', { unit: tEditor(`units.u${unit}`, { currency: tEditor('currency.CNY') }) }) }));
  return (
    <div className="space-y-6">
      <div>
        <Link href="/deals" className="text-sm text-water-700 hover:underline">
          ← {t('backToDeals')}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold text-water-900">{t('title')}</h1>
        <p className="mt-1 text-slate-600">{t('subtitle')}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <NewDealForm mayGrant={mayGrantPartyRights(actor)} unitOptions={unitOptions} />
        <DealStatusSteps current="DRAFT" className="self-start" />
      </div>
    </div>
  );
}
