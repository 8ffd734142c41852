import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { AgreementLinks } from '@/lib/contracts/agreements';

/**
 * The deal's signed agreements and the pages of each the reader may open (decision 0088). A lab
 * is told that monitoring is where it enters its results: the way from the deal to its work.
 */
export async function DealAgreementLinks({ dealId, agreements }: { dealId: string; agreements: readonly AgreementLinks[] }) {
  if (!agreements.length) return null;
  const t = await getTranslations();
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="deal-agreements">
      <h2 className="font-semibold">{t('deal.signedAgreements')}</h2>
      <ul className="mt-2 space-y-2 text-sm">
        {agreements.map((a) => {
          const base = `/deals/${dealId}/agreements/${a.id}`;
          return (
            <li key={a.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1" data-testid="deal-agreement" data-agreement-id={a.id}>
              <Link href={base} className="font-medium text-water-700 hover:underline" data-testid="deal-agreement-link">
                {t('agreements.heading', { number: a.number })}
              </Link>
              <span className="num text-slate-500">
                {a.startYear}–{a.endYear}
              </span>
              {a.navigation.tabs.map((tab) => (
                <Link key={tab} href={`${base}/${tab}`} className="text-water-700 hover:underline" data-testid={`deal-agreement-${tab}`}>
                  {tab === 'monitoring' && a.navigation.entersResults ? t('deal.enterResults') : t(`fund.header.tab.${tab}`)}
                </Link>
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
