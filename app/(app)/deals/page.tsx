import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/server/auth/current-actor';
import { PendingBadges } from '@/components/deals/pending-badges';
import { listDeals } from '@/lib/server/deals/list-deals';
import { listPendingTasks } from '@/lib/server/deals/list-pending-tasks';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { mayCreateDeals } from '@/lib/domain/deal-rights';

export default async function DealsPage() {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  const [deals, pending, t, locale] = await Promise.all([listDeals({ actor }), listPendingTasks({ actor }), getTranslations(), getLocale()]);
  const zh = locale === 'zh';
  const mayCreate = mayCreateDeals(actor);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold text-water-900">{t('deals.title')}</h1>
        {mayCreate && deals.length > 0 && (
          <ButtonLink href="/deals/new" testId="create-deal">
            {t('deals.create')}
          </ButtonLink>
        )}
      </div>
      <p className="mt-1 text-slate-600">{t('deals.subtitle')}</p>
      {deals.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="deals-empty">
          <p className="font-medium">{t('deals.empty')}</p>
          <p className="mt-2 text-slate-600">{t(mayCreate ? 'deals.emptyCreate' : 'deals.emptyNext')}</p>
          {mayCreate && (
            <ButtonLink href="/deals/new" className="mt-4" testId="create-deal">
              {t('deals.create')}
            </ButtonLink>
          )}
        </div>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="deal-list">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-4 py-3 font-medium">{t('deals.columns.name')}</th>
                <th className="px-4 py-3 font-medium">{t('deals.columns.watershed')}</th>
                <th className="px-4 py-3 font-medium">{t('deals.columns.years')}</th>
                <th className="px-4 py-3 font-medium">{t('deals.columns.status')}</th>
                <th className="px-4 py-3 font-medium">{t('deals.columns.parties')}</th>
                <th className="px-4 py-3 font-medium">{t('deals.columns.mySide')}</th>
              </tr>
            </thead>
            <tbody>
              {deals.map((deal) => (
                <tr key={deal.id} className="border-t border-slate-100 align-top">
                  <td className="px-4 py-3">
                    <Link href={`/deals/${deal.id}`} className="font-medium text-water-900 hover:underline">
                      {zh ? deal.nameZh : deal.name}
                    </Link>
                    {deal.illustrative && (
                      <Badge tone="warning" className="ml-2">{t('deals.illustrative')}</Badge>
                    )}
                    <PendingBadges dealId={deal.id} tasks={pending.get(deal.id)} />
                  </td>
                  <td className="px-4 py-3">{zh ? deal.watershedZh : deal.watershed}</td>
                  <td className="num px-4 py-3">
                    {deal.startYear}–{deal.endYear}
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone="side">{t(`status.${deal.status}`)}</Badge>
                  </td>
                  <td className="px-4 py-3">
                    <ul className="space-y-0.5">
                      {deal.parties.map((party) => (
                        <li key={`${party.side}-${party.organisation}`}>
                          <span className="text-slate-500">{t(`side.${party.side}`)}:</span> {zh ? party.organisationZh : party.organisation}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-4 py-3">{t(`side.${deal.mySide}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
