import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ComparePicker } from '@/components/scenario-workspace/compare-picker';
import { VersionDiff } from '@/components/scenario-workspace/version-diff';
import { isId } from '@/lib/domain/ids';
import { isLocale } from '@/lib/domain/locale';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { compareScenarioVersions } from '@/lib/server/scenarios/compare-scenario-versions';
import { listScenarios } from '@/lib/server/scenarios/list-scenarios';
import { EmptyState } from '@/components/ui/empty-state';
import { versionLabel } from '@/lib/domain/version-label';

/** Two versions of the deal (either side's) compared: inputs changed, results side by side. */
export default async function ComparePage({ params, searchParams }: { params: Promise<{ dealId: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const [{ dealId }, query] = await Promise.all([params, searchParams]);
  const { actor, origin } = await pageContext();
  const scenarios = await orNotFound(listScenarios({ actor, origin, dealId }));
  const [t, locale] = await Promise.all([getTranslations('compare'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  const options = scenarios.flatMap((s) => s.versions.map((v) => ({ id: v.id, label: versionLabel(s.name, v.number, lang) })));
  const chosen = isId(query.from ?? '') && isId(query.to ?? '');
  const comparison = chosen ? await orNotFound(compareScenarioVersions({ actor, origin, dealId, fromVersionId: query.from!, toVersionId: query.to! })) : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-water-900">{t('title')}</h1>
        <Link href={`/deals/${dealId}/scenarios`} className="text-sm text-water-700 hover:underline">
          {t('backToScenarios')}
        </Link>
      </div>
      <ComparePicker dealId={dealId} options={options} from={comparison?.from.id ?? options[1]?.id ?? ''} to={comparison?.to.id ?? options[0]?.id ?? ''} />
      {!comparison ? (
        <EmptyState title={options.length < 2 ? t('needTwo') : t('pickTwo')} testId="compare-empty" />
      ) : (
        <VersionDiff dealId={dealId} comparison={comparison} lang={lang} scale={actor.amountUnit} />
      )}
    </div>
  );
}
