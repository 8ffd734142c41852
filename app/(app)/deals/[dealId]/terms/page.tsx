import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { TermsWorkbench } from '@/components/terms/terms-workbench';
import { getMyMembership } from '@/lib/server/deals/get-my-membership';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';

/** Drafting and back-testing performance-linked terms for this deal; nothing is stored. */
export default async function TermsPage({ params }: { params: Promise<{ dealId: string }> }) {
  const { dealId } = await params;
  const { actor, origin } = await pageContext();
  // Members only, like every page of a deal, although nothing of the deal is shown.
  await orNotFound(getMyMembership({ actor, origin, dealId }));
  const t = await getTranslations('terms');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-water-900">{t('pageTitle')}</h1>
        <Link href={`/deals/${dealId}`} className="text-sm text-water-700 hover:underline">
          {t('backToDeal')}
        </Link>
      </div>
      <p className="text-slate-600">{t('pageSubtitle')}</p>
      <TermsWorkbench />
    </div>
  );
}
