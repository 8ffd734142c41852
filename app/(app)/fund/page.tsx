import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { badgeVariants, type BadgeTone } from '@/components/ui/variants';
import { ButtonLink, ButtonNavLink } from '@/components/ui/button';
import { isNegative, yuan } from '@/components/fund/format';
import { TotalsCards } from '@/components/fund/totals-cards';
import { PartyTotalsTable } from '@/components/fund/party-totals-table';
import { PortfolioCharts } from '@/components/fund/portfolio-charts';
import { TableSection } from '@/components/ui/table-section';
import { formatMeasurement } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import { flowDirections, type Standing } from '@/lib/terms';
import { getFundPortfolio } from '@/lib/server/fund/get-fund-portfolio';
import { pageContext } from '@/lib/server/http/page-context';
import { EmptyState } from '@/components/ui/empty-state';
import { formatNames } from '@/lib/domain/format-names';

const standingTone: Record<Standing, BadgeTone> = { disputed: 'alarm', outstanding: 'danger', toSettle: 'warning', upToDate: 'success' };

/** The fund's portfolio: every signed agreement of the deals where the reader is a fund member. */
export default async function FundDashboardPage() {
  const { actor, origin } = await pageContext();
  const portfolio = await getFundPortfolio({ actor, origin });
  const [t, locale] = await Promise.all([getTranslations('fund'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  const zh = lang === 'zh';
  const ti = await getTranslations('indicator');
  const indicator = (code: string) => (ti.has(code) ? ti(code) : code);
  const admin = (a: { dealId: string; id: string }, tab: string) => `/deals/${a.dealId}/agreements/${a.id}/${tab}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold text-water-900">{t('dashboard.title')}</h1>
        <p className="text-sm text-slate-600">{t('dashboard.subtitle')}</p>
        <span className="ml-auto flex flex-wrap gap-2">
          <ButtonNavLink href="/fund/archive" intent="quiet" testId="archive-link">
            {t('archive.title')}
          </ButtonNavLink>
          <ButtonLink href="/api/v1/fund/ledger?format=xlsx" intent="quiet" download testId="portfolio-xlsx">
            {t('common.exportXlsx', formatNames)}
          </ButtonLink>
          <ButtonLink href="/api/v1/fund/ledger?format=csv" intent="quiet" download testId="portfolio-csv">
            {t('common.exportCsv', formatNames)}
          </ButtonLink>
        </span>
      </div>

      {portfolio.agreements.length === 0 ? (
        <EmptyState title={portfolio.fundDeals ? t('dashboard.emptyAgreements') : t('dashboard.emptyDeals')} testId="dashboard-empty">
          <p className="mt-2">
            <Link href="/deals" className="text-water-700 hover:underline">
              {t('dashboard.toDeals')}
            </Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <TotalsCards totals={portfolio.totals} testId="portfolio-totals" />
          <PortfolioCharts portfolio={portfolio} />

          <TableSection
            title={t('dashboard.agreements')}
            testId="portfolio-agreements"
            columns={[
              { label: t('archive.col.deal') },
              { label: t('archive.col.years') },
              { label: t('ledger.col.scheduled'), numeric: true },
              { label: t('ledger.col.settled'), numeric: true },
              { label: t('ledger.col.paid'), numeric: true },
              { label: t('dashboard.direction.toUpstream'), numeric: true },
              { label: t('dashboard.direction.fromUpstream'), numeric: true },
              { label: t('dashboard.status') },
            ]}
          >
            {portfolio.agreements.map((a) => (
              <tr key={a.id} className="border-t border-slate-100 align-top" data-testid="portfolio-row" data-agreement-id={a.id} data-status={a.standing.status}>
                <td className="py-1 pr-3">
                  <Link href={admin(a, 'ledger')} className="text-water-700 hover:underline">
                    {zh ? a.deal.nameZh : a.deal.name} · {t('archive.number', { number: a.number })}
                  </Link>
                </td>
                <td className="num whitespace-nowrap py-1 pr-3">
                  {a.startYear}–{a.endYear}
                </td>
                <td className="num whitespace-nowrap py-1 pr-3 text-right">{yuan(a.totals.scheduled, lang)}</td>
                <td className="num whitespace-nowrap py-1 pr-3 text-right">{yuan(a.totals.settled, lang)}</td>
                <td className="num whitespace-nowrap py-1 pr-3 text-right" data-testid="portfolio-paid">
                  {yuan(a.totals.paid, lang)}
                </td>
                {flowDirections.map((direction) => (
                  <td
                    key={direction}
                    className={`num whitespace-nowrap py-1 pr-3 text-right ${isNegative(a.standing.netting[direction].outstanding) ? 'text-amber-800' : ''}`}
                    data-testid={`portfolio-outstanding-${direction}`}
                  >
                    {yuan(a.standing.netting[direction].outstanding, lang)}
                  </td>
                ))}
                <td className="py-1 text-xs" data-testid="portfolio-status">
                  {/* A dispute and the years to settle are named by their own links below, with their counts. */}
                  {(a.standing.status === 'outstanding' || a.standing.status === 'upToDate') && (
                    <Badge tone={standingTone[a.standing.status]} className="mr-2" testId="portfolio-standing">
                      {t(`dashboard.standing.${a.standing.status}`)}
                    </Badge>
                  )}
                  {a.disputed > 0 && (
                    <Link href={admin(a, 'monitoring')} className={cn(badgeVariants({ tone: 'alarm' }), 'mr-2')}>
                      {t('dashboard.disputed', { count: a.disputed })}
                    </Link>
                  )}
                  {a.standing.reasons.includes('outstanding') && a.standing.status === 'disputed' && (
                    <Link href={admin(a, 'ledger')} className={cn(badgeVariants({ tone: 'danger' }), 'mr-2')}>
                      {t('dashboard.standing.outstanding')}
                    </Link>
                  )}
                  {a.closedUnsettled > 0 && (
                    <Link href={admin(a, 'settlements')} className={badgeVariants({ tone: 'warning' })}>
                      {t('dashboard.toSettle', { count: a.closedUnsettled })}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </TableSection>

          <TableSection
            title={t('dashboard.netting')}
            testId="portfolio-netting"
            columns={[
              { label: t('dashboard.nettingDirection') },
              { label: t('ledger.col.settled'), numeric: true },
              { label: t('ledger.col.paid'), numeric: true },
              { label: t('ledger.col.outstanding'), numeric: true },
              { label: t('ledger.total.advances'), numeric: true },
            ]}
          >
            {flowDirections.map((direction) => (
              <tr key={direction} className="border-t border-slate-100" data-testid={`netting-${direction}`}>
                <td className="py-1 pr-3">{t(`dashboard.direction.${direction}`)}</td>
                <td className="num whitespace-nowrap py-1 pr-3 text-right">{yuan(portfolio.netting[direction].settled, lang)}</td>
                <td className="num whitespace-nowrap py-1 pr-3 text-right">{yuan(portfolio.netting[direction].paid, lang)}</td>
                <td className="num whitespace-nowrap py-1 pr-3 text-right" data-testid={`netting-${direction}-outstanding`}>
                  {yuan(portfolio.netting[direction].outstanding, lang)}
                </td>
                <td className="num whitespace-nowrap py-1 text-right">{yuan(portfolio.netting[direction].advances, lang)}</td>
              </tr>
            ))}
          </TableSection>
          <p className="-mt-4 text-xs text-slate-500">{t('dashboard.nettingNote')}</p>

          <PartyTotalsTable totals={portfolio.byParty} lang={lang} testId="portfolio-parties" />

          <div className="grid gap-6 lg:grid-cols-2">
            <TableSection
              title={t('dashboard.byFunder')}
              testId="portfolio-funders"
              columns={[
                { label: t('ledger.col.funder') },
                { label: t('ledger.col.scheduled'), numeric: true },
                { label: t('ledger.col.settled'), numeric: true },
                { label: t('ledger.col.paid'), numeric: true },
                { label: t('ledger.col.outstanding'), numeric: true },
              ]}
            >
              {portfolio.byFunder.map((f) => (
                <tr key={f.funder} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{t(`funder.${f.funder}`)}</td>
                  <td className="num whitespace-nowrap py-1 pr-3 text-right">{yuan(f.scheduled, lang)}</td>
                  <td className="num whitespace-nowrap py-1 pr-3 text-right">{yuan(f.settled, lang)}</td>
                  <td className="num whitespace-nowrap py-1 pr-3 text-right">{yuan(f.paid, lang)}</td>
                  <td className="num whitespace-nowrap py-1 text-right">{yuan(f.outstanding, lang)}</td>
                </tr>
              ))}
            </TableSection>

            <TableSection
              title={t('dashboard.recentPayments')}
              testId="portfolio-payments"
              empty={portfolio.payments.length === 0 && <p className="mt-2 text-sm text-slate-600">{t('dashboard.noPayments')}</p>}
              columns={[
                { label: t('ledger.payment.paidOn'), nowrap: true },
                { label: t('archive.col.deal') },
                { label: t('ledger.col.funder') },
                { label: t('ledger.payment.amount'), numeric: true },
                { label: t('ledger.payment.reference') },
              ]}
            >
              {portfolio.payments.map((p) => (
                <tr key={p.id} className="border-t border-slate-100" data-testid="portfolio-payment">
                  <td className="num whitespace-nowrap py-1 pr-3">{p.paidOn}</td>
                  <td className="py-1 pr-3">
                    {zh ? p.deal.nameZh : p.deal.name} · {p.year}
                  </td>
                  <td className="py-1 pr-3">{t(`funder.${p.funder}`)}</td>
                  <td className="num whitespace-nowrap py-1 pr-3 text-right">
                    {p.direction === 'FROM_UPSTREAM' ? '−' : ''}
                    {yuan(p.amount, lang)}
                  </td>
                  <td className="py-1">{p.reference}</td>
                </tr>
              ))}
            </TableSection>
          </div>

          <TableSection
            title={t('dashboard.results')}
            testId="portfolio-results"
            empty={portfolio.results.length === 0 && <p className="mt-2 text-sm text-slate-600">{t('dashboard.noResults')}</p>}
            columns={[
              { label: t('archive.col.deal') },
              { label: t('ledger.col.year') },
              { label: t('monitoring.field.indicator') },
              { label: t('dashboard.result'), numeric: true },
              { label: t('dashboard.target'), numeric: true },
              { label: t('dashboard.met') },
            ]}
          >
            {portfolio.results.map((r) => (
              <tr key={`${r.agreementId}-${r.year}-${r.indicator}`} className="border-t border-slate-100">
                <td className="py-1 pr-3">
                  {zh ? r.deal.nameZh : r.deal.name} · {t('archive.number', { number: r.agreementNumber })}
                </td>
                <td className="num whitespace-nowrap py-1 pr-3">{r.year}</td>
                <td className="py-1 pr-3">
                  {indicator(r.indicator)} <span className="text-xs text-slate-500">{r.unit}</span>
                </td>
                <td className="num whitespace-nowrap py-1 pr-3 text-right">
                  {r.value !== null ? formatMeasurement(r.value) : <span className="text-red-700">{t(`monitoring.state.${r.state}`)}</span>}
                </td>
                <td className="num whitespace-nowrap py-1 pr-3 text-right">
                  {r.target && <span className="text-xs text-slate-500">{r.direction === 'higher' ? '≥' : '≤'} </span>}
                  {r.target ?? '—'}
                  {r.target && !r.directionSigned && (
                    <span className="block text-xs text-slate-500" data-testid="direction-assumed">
                      {t(`dashboard.directionAssumed.${r.direction}`)}
                    </span>
                  )}
                </td>
                <td className="py-1">
                  {r.met === null ? '—' : r.met ? <span className="text-emerald-800">✓ {t('dashboard.metYes')}</span> : <span className="text-red-700">✗ {t('dashboard.metNo')}</span>}
                </td>
              </tr>
            ))}
          </TableSection>
          <p className="text-xs text-slate-500">{t('dashboard.note')}</p>
        </>
      )}
    </div>
  );
}
