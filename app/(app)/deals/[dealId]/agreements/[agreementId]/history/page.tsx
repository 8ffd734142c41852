import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AuditTable } from '@/components/agreements/audit-table';
import { VerifyChainButton } from '@/components/deals/verify-chain-button';
import { AgreementHeader } from '@/components/fund/agreement-header';
import { formatAmount, formatDateTime } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import { getAgreementHistory } from '@/lib/server/fund/get-agreement-history';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { Badge } from '@/components/ui/badge';
import type { BadgeTone } from '@/components/ui/variants';

const statusTone: Record<string, BadgeTone> = { ACCEPTED: 'success', COUNTERED: 'info', REJECTED: 'danger', WITHDRAWN: 'neutral', SENT: 'warning' };

/** How the agreement came to be (the offers, each countering the one before) and its audit trail. */
export default async function HistoryPage({ params }: { params: Promise<{ dealId: string; agreementId: string }> }) {
  const { dealId, agreementId } = await params;
  const { actor, origin } = await pageContext();
  const { agreement, offers } = await orNotFound(getAgreementHistory({ actor, origin, dealId, agreementId }));
  const [t, locale] = await Promise.all([getTranslations('fund'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  const when = (iso: string) => formatDateTime(new Date(iso), lang);
  const unit = agreement.unit;
  return (
    <div className="space-y-6">
      <AgreementHeader dealId={dealId} agreement={agreement} active="history" zh={lang === 'zh'} />
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t('history.offers')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('history.offersExplain')}</p>
        <ol className="mt-3 space-y-3" data-testid="offer-history">
          {offers.map((o) => (
            <li key={o.id} className={`rounded-md border p-3 text-sm ${o.accepted ? 'border-emerald-300 bg-emerald-50' : 'border-slate-200'}`} data-testid="offer-step">
              <div className="flex flex-wrap items-baseline gap-2">
                <span className="font-medium">{t('history.offer', { number: o.number })}</span>
                <span className="text-slate-600">{t('history.fromTo', { from: t(`side.${o.fromSide}`), to: t(`side.${o.toSide}`) })}</span>
                <Badge tone={statusTone[o.status] ?? 'neutral'}>{t(`history.status.${o.status}`)}</Badge>
                <span className="num ml-auto text-xs text-slate-500">
                  {o.createdBy ?? '—'} · {when(o.createdAt)}
                </span>
              </div>
              <ul className="num mt-1 text-xs text-slate-700">
                {o.schedule.map((e) => (
                  <li key={e.from}>
                    {e.from === e.to ? e.from : `${e.from}–${e.to}`}:{' '}
                    {e.amount !== undefined ? `${formatAmount(e.amount, lang, { unit, scale: actor.amountUnit })} / ${t('history.perYear')}` : `${e.pricePerM3} × ${e.volume} m³`}
                  </li>
                ))}
              </ul>
              {o.termsName && <p className="mt-1 text-xs text-slate-600">{t('history.terms', { name: o.termsName })}</p>}
              {o.answerReason && <p className="mt-1 text-xs text-slate-600">{t('history.reason', { reason: o.answerReason })}</p>}
              <Link href={`/deals/${dealId}/versions/${o.versionId}`} className="mt-1 inline-block text-xs text-water-700 hover:underline">
                {t('history.version')}
              </Link>
            </li>
          ))}
        </ol>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t('history.audit')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('history.auditExplain')}</p>
        <div className="mt-3">
          <VerifyChainButton dealId={dealId} />
        </div>
        <AuditTable
          events={agreement.audit}
          lang={lang}
          unit={actor.amountUnit}
          testId="audit-trail"
          labels={{ seq: '#', at: t('history.at'), action: t('history.action'), by: t('history.by'), hash: t('history.hash') }}
        />
      </section>
    </div>
  );
}
