import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { RenderedTable } from '@/components/ui/rendered-table';
import { formatAmount, formatDateTime } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import { listAgreements } from '@/lib/server/agreements/list-agreements';
import { getDealOverview } from '@/lib/server/deals/get-deal-overview';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { Badge } from '@/components/ui/badge';
import type { BadgeTone } from '@/components/ui/variants';
import { EmptyState } from '@/components/ui/empty-state';

const stateTone: Record<string, BadgeTone> = {
  DRAFT: 'warning',
  ARCHIVED: 'success',
  VOID: 'neutral',
};

export default async function AgreementsPage({ params }: { params: Promise<{ dealId: string }> }) {
  const { dealId } = await params;
  const { actor, origin } = await pageContext();
  const overview = await orNotFound(getDealOverview({ actor, origin, dealId }));
  const [agreements, t, locale] = await Promise.all([listAgreements({ actor, origin, dealId }), getTranslations(), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  return (
    <div>
      <Link href={`/deals/${dealId}`} className="text-sm text-water-700 hover:underline">
        ← {lang === 'zh' ? overview.deal.nameZh : overview.deal.name}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold text-water-900">{t('agreements.title')}</h1>
      <p className="mt-1 text-slate-600">{t('agreements.subtitle')}</p>
      {agreements.length === 0 ? (
        <EmptyState className="mt-6" title={t('agreements.empty')} hint={t('agreements.emptyNext')} testId="no-agreements" />
      ) : (
        <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <RenderedTable
            testId="agreements"
            rowTestId="agreement-row"
            caption={t('agreements.title')}
            columns={[
              { id: 'number', header: t('agreements.col.number'), sortable: true },
              { id: 'status', header: t('agreements.col.status') },
              { id: 'years', header: t('agreements.col.years'), nowrap: true },
              { id: 'total', header: t('agreements.col.total'), numeric: true, nowrap: true },
              { id: 'signatures', header: t('agreements.col.signatures') },
              { id: 'drafted', header: t('agreements.col.drafted'), nowrap: true, sortable: true },
              { id: 'hash', header: t('agreements.col.hash') },
            ]}
            rows={agreements.map((agreement) => ({
              key: agreement.id,
              look: { data: { 'agreement-id': agreement.id } },
              sort: { number: agreement.number, drafted: agreement.draftedAt },
              cells: {
                number: (
                  <Link href={`/deals/${dealId}/agreements/${agreement.id}`} className="font-medium text-water-700 hover:underline">
                    {t('agreements.heading', { number: agreement.number })}
                  </Link>
                ),
                status: (
                  <>
                    <Badge tone={stateTone[agreement.status] ?? 'neutral'}>{t(`agreements.state.${agreement.status}`)}</Badge>
                    {agreement.awaitingMySignature && <div className="mt-1 text-xs font-medium text-water-700">{t('agreements.awaitingYou')}</div>}
                  </>
                ),
                years: (
                  <span className="num">
                    {agreement.startYear}–{agreement.endYear}
                  </span>
                ),
                total: formatAmount(agreement.totalAmount, lang, { scale: actor.amountUnit }),
                signatures: t('agreements.signedCount', agreement.signatures),
                drafted: <span className="num">{formatDateTime(new Date(agreement.draftedAt), lang)}</span>,
                hash: (
                  <span className="text-xs">
                    {agreement.hashVerified === false ? (
                      <Badge role="alert" tone="danger" className="font-medium">
                        {t('agreements.hashMismatchShort')}
                      </Badge>
                    ) : agreement.hash ? (
                      <span className="font-mono text-emerald-800" title={agreement.hash}>
                        {agreement.hash.slice(0, 12)}… {t('agreements.hashVerifiedShort')}
                      </span>
                    ) : (
                      <span className="text-slate-500">{t('agreements.hashPendingShort')}</span>
                    )}
                  </span>
                ),
              },
            }))}
          />
        </section>
      )}
    </div>
  );
}
