import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/server/auth/current-actor';
import { PendingBadges } from '@/components/deals/pending-badges';
import { listDeals } from '@/lib/server/deals/list-deals';
import { listPendingTasks } from '@/lib/server/deals/list-pending-tasks';
import { Badge } from '@/components/ui/badge';
import { RenderedTable } from '@/components/ui/rendered-table';
import { ButtonLink } from '@/components/ui/button';
import { mayCreateDeals } from '@/lib/domain/deal-rights';
import { EmptyState } from '@/components/ui/empty-state';

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
        <EmptyState className="mt-8" title={t('deals.empty')} hint={t(mayCreate ? 'deals.emptyCreate' : 'deals.emptyNext')} testId="deals-empty">
          {mayCreate && (
            <ButtonLink href="/deals/new" className="mt-4" testId="create-deal">
              {t('deals.create')}
            </ButtonLink>
          )}
        </EmptyState>
      ) : (
        <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <RenderedTable
            testId="deal-list"
            caption={t('deals.title')}
            columns={[
              { id: 'name', header: t('deals.columns.name'), sortable: true },
              { id: 'watershed', header: t('deals.columns.watershed'), sortable: true },
              { id: 'years', header: t('deals.columns.years'), sortable: true, nowrap: true },
              { id: 'status', header: t('deals.columns.status') },
              { id: 'parties', header: t('deals.columns.parties') },
              { id: 'mySide', header: t('deals.columns.mySide') },
            ]}
            rows={deals.map((deal) => ({
              key: deal.id,
              sort: { name: zh ? deal.nameZh : deal.name, watershed: zh ? deal.watershedZh : deal.watershed, years: deal.startYear },
              cells: {
                name: (
                  <>
                    <Link href={`/deals/${deal.id}`} className="font-medium text-water-900 hover:underline">
                      {zh ? deal.nameZh : deal.name}
                    </Link>
                    {deal.illustrative && (
                      <Badge tone="warning" className="ml-2">
                        {t('deals.illustrative')}
                      </Badge>
                    )}
                    <PendingBadges dealId={deal.id} tasks={pending.get(deal.id)} />
                  </>
                ),
                watershed: zh ? deal.watershedZh : deal.watershed,
                years: (
                  <span className="num">
                    {deal.startYear}–{deal.endYear}
                  </span>
                ),
                status: <Badge tone="side">{t(`status.${deal.status}`)}</Badge>,
                parties: (
                  <ul className="space-y-0.5">
                    {deal.parties.map((party) => (
                      <li key={`${party.side}-${party.organisation}`}>
                        <span className="text-slate-500">{t(`side.${party.side}`)}:</span> {zh ? party.organisationZh : party.organisation}
                      </li>
                    ))}
                  </ul>
                ),
                mySide: t(`side.${deal.mySide}`),
              },
            }))}
          />
        </section>
      )}
    </div>
  );
}
