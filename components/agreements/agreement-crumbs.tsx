import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Fragment } from 'react';
import type { AgreementNavigation } from '@/lib/domain/agreement-navigation';

/**
 * Where an agreement belongs, as far as the reader may follow it (decision 0088): the fund's
 * portfolio and archive for fund members of the deal, then the deal and its agreements for every member.
 */
export async function AgreementCrumbs({ dealId, dealName, navigation }: { dealId: string; dealName: string; navigation: AgreementNavigation }) {
  const t = await getTranslations();
  const crumbs = [
    ...(navigation.fundCrumbs
      ? [
          { id: 'fund', href: '/fund', label: t('fund.dashboard.title') },
          { id: 'archive', href: '/fund/archive', label: t('fund.archive.title') },
        ]
      : []),
    { id: 'deal', href: `/deals/${dealId}`, label: dealName },
    { id: 'agreements', href: `/deals/${dealId}/agreements`, label: t('agreements.allAgreements') },
  ];
  return (
    <nav aria-label={t('fund.header.crumbs')} className="flex flex-wrap gap-3 text-sm text-water-700" data-testid="breadcrumbs">
      {crumbs.map((crumb, i) => (
        <Fragment key={crumb.id}>
          {i > 0 && <span className="text-slate-400">/</span>}
          <Link href={crumb.href} className="hover:underline" data-testid={`crumb-${crumb.id}`}>
            {crumb.label}
          </Link>
        </Fragment>
      ))}
    </nav>
  );
}
