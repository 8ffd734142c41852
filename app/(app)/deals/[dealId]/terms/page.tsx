import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { checkTerms } from '@/components/terms/terms-check';
import { blankTerms } from '@/components/terms/terms-draft';
import { TermsWorkbench } from '@/components/terms/terms-workbench';
import { getTermsDefaults } from '@/lib/server/terms/get-terms-defaults';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { formatNames } from '@/lib/domain/format-names';

/** Drafting and back-testing performance-linked terms for this deal; nothing is stored. */
export default async function TermsPage({ params }: { params: Promise<{ dealId: string }> }) {
  const { dealId } = await params;
  const { actor, origin } = await pageContext();
  // Members only, like every page of a deal; the terms start from the deal's years and unit.
  const defaults = await orNotFound(getTermsDefaults({ actor, origin, dealId }));
  const t = await getTranslations('terms');
  // The first draft checked here, so that the browser fetches the terms engine only once the reader edits.
  const value = blankTerms(defaults);
  const checked = { value, monitoring: {}, check: checkTerms(value, {}) };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-water-900">{t('pageTitle')}</h1>
        <Link href={`/deals/${dealId}`} className="text-sm text-water-700 hover:underline">
          {t('backToDeal')}
        </Link>
      </div>
      <p className="text-slate-600">{t('pageSubtitle', formatNames)}</p>
      <TermsWorkbench defaults={defaults} checked={checked} />
    </div>
  );
}
