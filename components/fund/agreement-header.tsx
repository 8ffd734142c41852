import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { TabLinks } from '@/components/ui/tab-links';
import { badgeVariants, buttonVariants } from '@/components/ui/variants';
import type { AgreementDetail } from '@/lib/contracts/agreements';
import { Notice } from '@/components/ui/notice';

export const administrationTabs = ['monitoring', 'settlements', 'ledger', 'history'] as const;
export type AdministrationTab = (typeof administrationTabs)[number];

/**
 * The head of every fund-administration page of an agreement: where it belongs, its state, the
 * hash checked again on this request (a mismatch is a red alert, never hidden), the PDF, and tabs.
 */
export async function AgreementHeader({ dealId, agreement, active, zh }: { dealId: string; agreement: AgreementDetail; active: AdministrationTab; zh: boolean }) {
  const t = await getTranslations('fund');
  const base = `/deals/${dealId}/agreements/${agreement.id}`;
  const verdict = agreement.hashVerified === null ? 'pending' : String(agreement.hashVerified);
  return (
    <div className="space-y-4">
      <nav className="flex flex-wrap gap-3 text-sm text-water-700">
        <Link href="/fund" className="hover:underline">
          {t('dashboard.title')}
        </Link>
        <span className="text-slate-400">/</span>
        <Link href="/fund/archive" className="hover:underline">
          {t('archive.title')}
        </Link>
        <span className="text-slate-400">/</span>
        <Link href={`/deals/${dealId}`} className="hover:underline">
          {zh ? agreement.deal.nameZh : agreement.deal.name}
        </Link>
      </nav>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold text-water-900" data-testid="administration-title">
          {t('header.title', { number: agreement.number })}
        </h1>
        <span className="num text-sm text-slate-600">
          {agreement.startYear}–{agreement.endYear}
        </span>
        <span className={cn(badgeVariants({ tone: verdict === 'true' ? 'success' : verdict === 'false' ? 'alarm' : 'warning' }), 'px-2')} data-testid="header-hash" data-verified={verdict}>
          {verdict === 'true' ? t('header.hashVerified') : verdict === 'false' ? t('header.hashMismatch') : t('header.unsigned')}
        </span>
        <span className="ml-auto flex flex-wrap gap-2 text-sm">
          <Link href={base} className={buttonVariants({ intent: 'quiet' })} data-testid="agreement-link">
            {t('header.agreement')}
          </Link>
          <a href={`/api/v1/deals/${dealId}/agreements/${agreement.id}/pdf`} className={buttonVariants({ intent: 'quiet' })} download>
            {t('header.pdf')}
          </a>
        </span>
      </div>
      {agreement.hashVerified === false && (
        <div role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 p-4 text-sm text-red-900" data-testid="hash-mismatch">
          <p className="font-semibold">{t('header.hashMismatchLong')}</p>
          <p className="mt-1 font-mono text-xs break-all">
            {t('header.hashStored')}: {agreement.hash ?? '—'}
            <br />
            {t('header.hashRecomputed')}: {agreement.recomputedHash}
            <br />
            {t('header.hashAudited')}: {agreement.auditedHash ?? '—'}
          </p>
        </div>
      )}
      {agreement.status !== 'ARCHIVED' && (
        <Notice tone="warning" role={undefined} testId="not-administered">
          {t('header.notArchived')}
        </Notice>
      )}
      <TabLinks label={t('header.tabs')} links={administrationTabs.map((tab) => ({ href: `${base}/${tab}`, label: t(`header.tab.${tab}`), current: tab === active, testId: `tab-${tab}` }))} />
    </div>
  );
}
