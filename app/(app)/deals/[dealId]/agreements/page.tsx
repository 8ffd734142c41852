import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatAmount, formatDateTime } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import { listAgreements } from '@/lib/server/agreements/list-agreements';
import { getDealOverview } from '@/lib/server/deals/get-deal-overview';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { Badge } from '@/components/ui/badge';

const stateTone: Record<string, string> = {
  DRAFT: 'bg-amber-100 text-amber-900',
  ARCHIVED: 'bg-emerald-100 text-emerald-900',
  VOID: 'bg-slate-200 text-slate-700',
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
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="no-agreements">
          <p className="font-medium">{t('agreements.empty')}</p>
          <p className="mt-2 text-slate-600">{t('agreements.emptyNext')}</p>
        </div>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="agreements">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">{t('agreements.col.number')}</th>
                <th className="px-3 py-2 font-medium">{t('agreements.col.status')}</th>
                <th className="px-3 py-2 font-medium">{t('agreements.col.years')}</th>
                <th className="px-3 py-2 text-right font-medium">{t('agreements.col.total')}</th>
                <th className="px-3 py-2 font-medium">{t('agreements.col.signatures')}</th>
                <th className="px-3 py-2 font-medium">{t('agreements.col.drafted')}</th>
                <th className="px-3 py-2 font-medium">{t('agreements.col.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((agreement) => (
                <tr key={agreement.id} className="border-t border-slate-100 align-top" data-testid="agreement-row" data-agreement-id={agreement.id}>
                  <td className="px-3 py-2">
                    <Link href={`/deals/${dealId}/agreements/${agreement.id}`} className="font-medium text-water-700 hover:underline">
                      {t('agreements.heading', { number: agreement.number })}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs ${stateTone[agreement.status] ?? ''}`}>{t(`agreements.state.${agreement.status}`)}</span>
                    {agreement.awaitingMySignature && <div className="mt-1 text-xs font-medium text-water-700">{t('agreements.awaitingYou')}</div>}
                  </td>
                  <td className="num px-3 py-2">
                    {agreement.startYear}–{agreement.endYear}
                  </td>
                  <td className="num px-3 py-2 text-right whitespace-nowrap">{formatAmount(agreement.totalAmount, lang, { scale: actor.amountUnit })}</td>
                  <td className="px-3 py-2">{t('agreements.signedCount', agreement.signatures)}</td>
                  <td className="num px-3 py-2 whitespace-nowrap">{formatDateTime(new Date(agreement.draftedAt), lang)}</td>
                  <td className="px-3 py-2 text-xs">
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
