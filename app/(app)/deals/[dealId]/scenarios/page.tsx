import { unitWord } from '@/components/ui/unit-word';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { RenderedTable } from '@/components/ui/rendered-table';
import { formatDateTime } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import { counterpart } from '@/lib/domain/offer-state';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { listScenarios } from '@/lib/server/scenarios/list-scenarios';
import { getMyMembership } from '@/lib/server/deals/get-my-membership';
import { NewScenarioForm } from '@/components/scenario-workspace/new-scenario-form';
import { VersionMessageText } from '@/components/scenario-workspace/version-message-text';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { formatNames } from '@/lib/domain/format-names';

export default async function ScenariosPage({ params }: { params: Promise<{ dealId: string }> }) {
  const { dealId } = await params;
  const { actor, origin } = await pageContext();
  const [scenarios, me] = await Promise.all([orNotFound(listScenarios({ actor, origin, dealId })), orNotFound(getMyMembership({ actor, origin, dealId }))]);
  // The negotiating sides start scenarios; the fund and observers read and fork.
  const canStart = me.canEdit && counterpart(me.side) !== null;
  const [t, tSide, tEditor, locale] = await Promise.all([getTranslations('scenarios'), getTranslations('side'), getTranslations('editor'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  const { deal } = me;
  const unit = unitWord(tEditor, deal.unit, deal.currency);
  const periods = deal.periods.length ? deal.periods.map((p) => p.label).join(t('listSeparator')) : t('wholeRange', { from: deal.startYear, to: deal.endYear });
  const dealTerms = t('takesFromDeal', { from: deal.startYear, to: deal.endYear, unit, priceBase: deal.priceBase, periods });
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-water-900">{t('title')}</h1>
        <Link href={`/deals/${dealId}`} className="text-sm text-water-700 hover:underline">
          {t('backToDeal')}
        </Link>
      </div>
      <p className="mt-1 text-slate-600">{t('subtitle')}</p>
      {canStart && (
        <div className="mt-4">
          <NewScenarioForm dealId={dealId} dealTerms={dealTerms} />
        </div>
      )}
      {scenarios.length === 0 ? (
        <EmptyState className="mt-8" title={t('empty')} hint={t('emptyNext', formatNames)} testId="scenarios-empty" />
      ) : (
        <div className="mt-6 space-y-6">
          {scenarios.map((scenario) => (
            <section key={scenario.id} className="rounded-lg border border-slate-200 bg-white" data-testid="scenario">
              <header className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-4 py-3">
                <Badge tone="side">{tSide(scenario.side)}</Badge>
                <h2 className="font-medium">{scenario.name}</h2>
                {scenario.forkKind && <span className="text-xs text-slate-500">{t(scenario.forkKind === 'duplicate' ? 'duplicated' : 'forked')}</span>}
                {scenario.template && <span className="text-xs text-slate-500">{t(`fromTemplate.${scenario.template === 'blank' ? 'blank' : 'paper-table-2'}`)}</span>}
              </header>
              <RenderedTable
                className="px-4 pb-2"
                caption={scenario.name}
                columns={[
                  { id: 'version', header: t('version') },
                  { id: 'message', header: t('message') },
                  { id: 'author', header: t('author') },
                  { id: 'savedAt', header: t('savedAt'), nowrap: true },
                  { id: 'links', header: null, numeric: true, nowrap: true },
                ]}
                rows={scenario.versions.map((version, index) => {
                  const previous = scenario.versions[index + 1];
                  return {
                    key: version.id,
                    cells: {
                      version: (
                        <Link href={`/deals/${dealId}/versions/${version.id}`} className="num font-medium text-water-700 hover:underline" data-testid="version-link">
                          v{version.number}
                        </Link>
                      ),
                      message: <VersionMessageText message={version.message} />,
                      author: version.author,
                      savedAt: <span className="num">{formatDateTime(new Date(version.createdAt), lang)}</span>,
                      links: (
                        <span className="space-x-3">
                          {previous && (
                            <Link className="text-water-700 hover:underline" href={`/deals/${dealId}/compare?from=${previous.id}&to=${version.id}`}>
                              {t('compareWithPrevious', { number: previous.number })}
                            </Link>
                          )}
                          <a className="text-water-700 hover:underline" href={`/api/v1/deals/${dealId}/versions/${version.id}?format=xlsx`}>
                            xlsx
                          </a>
                          <a className="text-water-700 hover:underline" href={`/api/v1/deals/${dealId}/versions/${version.id}`} download={`v${version.number}.json`}>
                            JSON
                          </a>
                        </span>
                      ),
                    },
                  };
                })}
              />
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
