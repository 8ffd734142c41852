import { getLocale, getTranslations } from 'next-intl/server';
import { unitWordOnServer } from '@/components/ui/unit-word-on-server';
import Link from 'next/link';
import { formatDateTime } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import { AuditSentence } from '@/components/deals/audit-event';
import { DealAgreementLinks } from '@/components/deals/deal-agreement-links';
import { DealNav } from '@/components/deals/deal-nav';
import { listAgreementLinks } from '@/lib/server/agreements/list-agreement-links';
import { PendingBadges } from '@/components/deals/pending-badges';
import { getDealOverview } from '@/lib/server/deals/get-deal-overview';
import { getMyMembership } from '@/lib/server/deals/get-my-membership';
import { listPendingTasks } from '@/lib/server/deals/list-pending-tasks';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { listOffers } from '@/lib/server/offers/list-offers';
import { listLatestVersions } from '@/lib/server/scenarios/list-latest-versions';
import { versionMessageText, versionWords } from '@/components/scenario-workspace/version-message-text';
import { Badge } from '@/components/ui/badge';
import { DealStatusSteps } from '@/components/deals/deal-status-steps';
import { dealStatusTransitions } from '@/lib/domain/deal-rights';
import { formatNames } from '@/lib/domain/format-names';

export default async function DealOverviewPage({ params }: { params: Promise<{ dealId: string }> }) {
  const { dealId } = await params;
  const { actor, origin } = await pageContext();
  // The access check first (a refusal is a 404, recorded once); then every part at once, each
  // with the membership this render has already read: one round trip after the check instead
  // of the overview's before the others' (docs/decisions/0076-where-request-time-goes.md).
  await orNotFound(getMyMembership({ actor, origin, dealId }));
  const [overview, scenarios, offers, agreementLinks, pending, t, locale] = await Promise.all([
    orNotFound(getDealOverview({ actor, origin, dealId })),
    orNotFound(listLatestVersions({ actor, origin, dealId })),
    orNotFound(listOffers({ actor, origin, dealId })),
    orNotFound(listAgreementLinks({ actor, origin, dealId })),
    listPendingTasks({ actor }),
    getTranslations(),
    getLocale(),
  ]);
  const lang = isLocale(locale) ? locale : 'zh';
  const zh = lang === 'zh';
  const { deal, me } = overview;
  const dealUnit = await unitWordOnServer(deal.unit, deal.currency);
  const nextStatus = dealStatusTransitions[deal.status][0];
  const rights = [t('deal.rightView'), me.canEdit && t('deal.rightEdit'), me.canSign && t('deal.rightSign'), me.canManage && t('deal.rightManage')].filter(Boolean).join(' · ');
  return (
    <div className="space-y-8">
      <div>
        <Link href="/deals" className="text-sm text-water-700 hover:underline">
          ← {t('deal.backToDeals')}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold text-water-900" data-testid="deal-title">
          {zh ? deal.nameZh : deal.name}
          {deal.illustrative && (
            <Badge tone="warning" className="ml-3 align-middle">
              {t('deal.illustrative')}
            </Badge>
          )}
        </h1>
        <p className="mt-1 text-slate-600">{zh ? deal.watershedZh : deal.watershed}</p>
        <div className="mt-3 space-y-3">
          <PendingBadges dealId={dealId} tasks={pending.get(dealId)} banner />
          <DealNav dealId={dealId} />
          <DealAgreementLinks dealId={dealId} agreements={agreementLinks} />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-5">
          <div>
            <dt className="text-slate-500">{t('deal.years')}</dt>
            <dd className="num font-medium">
              {deal.startYear}–{deal.endYear}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('deal.status')}</dt>
            <dd className="font-medium">{t(`status.${deal.status}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('deal.units')}</dt>
            <dd className="font-medium">{t('deal.unitsValue', { unit: dealUnit, priceBase: deal.priceBase })}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('deal.yourSide')}</dt>
            <dd className="font-medium">{t(`side.${me.side}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('deal.yourRights')}</dt>
            <dd className="font-medium">{rights}</dd>
          </div>
        </dl>
        <p className="mt-2 text-sm text-slate-600" data-testid="deal-periods">
          {t('deal.periods', { periods: deal.periods.length ? deal.periods.map((p) => p.label).join(zh ? '、' : ', ') : t('deal.onePeriod', { from: deal.startYear, to: deal.endYear }) })}
        </p>
      </div>

      {/* The move itself is on the members page, where managers manage the deal: this page stays light (decision 0065). */}
      <DealStatusSteps
        current={deal.status}
        action={
          me.canManage && nextStatus ? (
            <Link href={`/deals/${dealId}/members#deal-status`} className="text-sm text-water-700 hover:underline" data-testid="move-status-link">
              {t('dealStatus.moveButton', { status: t(`status.${nextStatus}`) })}
            </Link>
          ) : undefined
        }
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex items-baseline justify-between">
            <h2 className="font-semibold">{t('deal.parties')}</h2>
            <Link href={`/deals/${dealId}/members`} className="text-sm text-water-700 hover:underline">
              {me.canManage ? t('members.manage') : t('members.title')}
            </Link>
          </div>
          <ul className="mt-3 space-y-2 text-sm" data-testid="members">
            {overview.members.map((member) => (
              <li key={member.id} className="flex flex-wrap gap-x-2">
                <span className="w-28 text-slate-500">{t(`side.${member.side}`)}</span>
                <span className="font-medium">{member.name}</span>
                <span className="text-slate-600">{zh ? member.organisation.nameZh : member.organisation.name}</span>
              </li>
            ))}
          </ul>
        </section>

        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex items-baseline justify-between">
            <h2 className="font-semibold">{t('deal.scenarios')}</h2>
            <Link href={`/deals/${dealId}/scenarios`} className="text-sm text-water-700 hover:underline">
              {t('deal.allScenarios')}
            </Link>
          </div>
          {scenarios.length === 0 ? (
            <div className="mt-3 text-sm">
              <p>{t('deal.noScenarios')}</p>
              <p className="mt-1 text-slate-600">{t('deal.noScenariosNext', formatNames)}</p>
            </div>
          ) : (
            <ul className="mt-3 space-y-3 text-sm" data-testid="latest-versions">
              {scenarios.map(({ latest, ...scenario }) => {
                return (
                  <li key={scenario.id}>
                    <Badge tone="side" className="mr-2">
                      {t(`side.${scenario.side}`)}
                    </Badge>
                    <Link href={`/deals/${dealId}/versions/${latest.id}`} className="font-medium text-water-700 hover:underline">
                      {scenario.name}
                    </Link>
                    <div className="mt-1 text-slate-600">
                      {t('deal.latest', {
                        number: latest.number,
                        message: versionMessageText(
                          latest.message,
                          versionWords((key, values) => t(`version.${key}`, values)),
                        ),
                      })}{' '}
                      · {t('deal.by', { name: latest.author })} · <span className="num">{formatDateTime(latest.createdAt, lang)}</span>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex items-baseline justify-between">
            <h2 className="font-semibold">{t('deal.offers')}</h2>
            <Link href={`/deals/${dealId}/offers`} className="text-sm text-water-700 hover:underline" data-testid="offers-link">
              {t('deal.openOffers')}
            </Link>
          </div>
          {offers.length === 0 ? (
            <div className="mt-3 text-sm">
              <p>{t('deal.noOffers')}</p>
              <p className="mt-1 text-slate-600">{t('deal.noOffersNext')}</p>
            </div>
          ) : (
            <ul className="mt-3 space-y-2 text-sm">
              {offers.map((offer) => {
                const check = offer.boundCheck as { belowLowerYears: number[]; aboveUpperYears: number[] };
                return (
                  <li key={offer.id}>
                    {t('deal.offerLine', { number: offer.number, from: t(`side.${offer.fromSide}`), to: t(`side.${offer.toSide}`), status: t(`offerStatus.${offer.status}`) })} · {offer.version}
                    {check.belowLowerYears.length > 0 && <span className="ml-2 text-red-700">{t('deal.belowLower', { count: check.belowLowerYears.length })}</span>}
                    {check.aboveUpperYears.length > 0 && <span className="ml-2 text-amber-700">{t('deal.aboveUpper', { count: check.aboveUpperYears.length })}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex items-baseline justify-between">
            <h2 className="font-semibold">{t('deal.activity')}</h2>
            <Link href={`/deals/${dealId}/activity`} className="text-sm text-water-700 hover:underline">
              {t('deal.allActivity')}
            </Link>
          </div>
          {overview.recentActivity.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">{t('deal.noActivity')}</p>
          ) : (
            <ul className="mt-3 space-y-2 text-sm" data-testid="recent-activity">
              {overview.recentActivity.map((event) => (
                <li key={event.id} className="flex flex-wrap gap-x-2">
                  <span className="num text-slate-500">{formatDateTime(event.at, lang)}</span>
                  <span data-action={event.action}>
                    <AuditSentence description={event.description} lang={lang} unit={actor.amountUnit} />
                  </span>
                  <span className="font-mono text-xs text-slate-400" title={event.hash}>
                    {event.hash.slice(0, 8)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
