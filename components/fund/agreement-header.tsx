import { getTranslations } from 'next-intl/server';
import { cn } from '@/components/ui/cn';
import { AgreementCrumbs } from '@/components/agreements/agreement-crumbs';
import { AgreementTabs } from '@/components/agreements/agreement-tabs';
import { badgeVariants } from '@/components/ui/variants';
import { ButtonLink, ButtonNavLink } from '@/components/ui/button';
import type { AgreementDetail } from '@/lib/contracts/agreements';
import type { AdministrationTab } from '@/lib/domain/agreement-navigation';
import { Notice } from '@/components/ui/notice';
import { formatNames } from '@/lib/domain/format-names';

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
      <AgreementCrumbs dealId={dealId} dealName={zh ? agreement.deal.nameZh : agreement.deal.name} navigation={agreement.navigation} />
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
          <ButtonNavLink href={base} intent="quiet" testId="agreement-link">
            {t('header.agreement')}
          </ButtonNavLink>
          <ButtonLink href={`/api/v1/deals/${dealId}/agreements/${agreement.id}/pdf`} intent="quiet" download>
            {t('header.pdf', formatNames)}
          </ButtonLink>
        </span>
      </div>
      {agreement.hashVerified === false && (
        <Notice tone="alarm" size="lg" testId="hash-mismatch">
          <p className="font-semibold">{t('header.hashMismatchLong', formatNames)}</p>
          <p className="mt-1 font-mono text-xs break-all">
            {t('header.hashStored')}: {agreement.hash ?? '—'}
            <br />
            {t('header.hashRecomputed')}: {agreement.recomputedHash}
            <br />
            {t('header.hashAudited')}: {agreement.auditedHash ?? '—'}
          </p>
        </Notice>
      )}
      {agreement.status !== 'ARCHIVED' && (
        <Notice tone="warning" role={undefined} testId="not-administered">
          {t('header.notArchived')}
        </Notice>
      )}
      <AgreementTabs dealId={dealId} agreementId={agreement.id} navigation={agreement.navigation} active={active} />
    </div>
  );
}
