import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { toScenarioDocument, type CalculatorInputs } from '@/components/scenario-editor/model';
import { SensitivityLink } from '@/components/negotiation/sensitivity-link';
import { VersionWorkspace } from '@/components/scenario-workspace/version-workspace';
import { Notice } from '@/components/ui/notice';
import { parseScenario } from '@/lib/engine/schema';
import { versionLabel } from '@/lib/domain/version-label';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { getVersionWorkspace } from '@/lib/server/scenarios/get-version-workspace';

/** A Table 2 template's payment start stays for the member to type (decision 0041); until a version has one, the page says so. */
const hasPaymentStart = (document: unknown) => typeof document === 'object' && document !== null && 'paymentStartYear' in document;

export default async function VersionPage({ params, searchParams }: { params: Promise<{ dealId: string; versionId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const [{ dealId, versionId }, { saved }] = await Promise.all([params, searchParams]);
  const { actor, origin } = await pageContext();
  const workspace = await orNotFound(getVersionWorkspace({ actor, origin, dealId, versionId }));
  const [t, locale] = await Promise.all([getTranslations('version'), getLocale()]);
  const { version } = workspace;
  return (
    <div className="space-y-4">
      <nav className="flex flex-wrap gap-3 text-sm text-water-700" aria-label={t('breadcrumb')}>
        <Link href={`/deals/${dealId}`} className="hover:underline">
          {locale === 'en' ? workspace.deal.name : workspace.deal.nameZh}
        </Link>
        <span className="text-slate-400">/</span>
        <Link href={`/deals/${dealId}/scenarios`} className="hover:underline">
          {t('allScenarios')}
        </Link>
        <span className="text-slate-400">·</span>
        <SensitivityLink dealId={dealId} versionId={version.id} />
        {workspace.forkedFrom && (
          <>
            <span className="text-slate-400">·</span>
            <Link href={`/deals/${dealId}/versions/${workspace.forkedFrom.id}`} className="hover:underline" data-testid="forked-from">
              {t(workspace.forkedFrom.kind === 'duplicate' ? 'duplicatedFrom' : 'forkedFrom', {
                label: versionLabel(workspace.forkedFrom.scenario, workspace.forkedFrom.number, locale === 'en' ? 'en' : 'zh'),
              })}
            </Link>
          </>
        )}
      </nav>
      {saved && (
        <Notice tone="success" testId="saved-notice">
          {t('savedNotice', { number: version.number })}
        </Notice>
      )}
      {workspace.canEdit && version.scenario.template === 'paper-table-2' && !hasPaymentStart(version.document) && (
        <Notice tone="info" testId="template-to-fill">
          {t('templateToFill')}
        </Notice>
      )}
      <VersionWorkspace
        key={version.id}
        dealId={dealId}
        version={{
          id: version.id,
          number: version.number,
          message: version.message,
          author: version.author,
          createdAt: version.createdAt,
          documentHash: version.documentHash,
          document: version.document,
          // Parsed here as the editor will read it, so that a version only read needs no parser in the browser.
          outcome: parseScenario(toScenarioDocument(version.document)),
          calculatorInputs: version.calculatorInputs as CalculatorInputs,
          scenario: { id: version.scenario.id, name: version.scenario.name, side: version.scenario.side },
          evidence: version.evidence,
          comments: version.comments,
        }}
        latest={workspace.latest ? { id: workspace.latest.id, number: workspace.latest.number } : null}
        comparable={workspace.comparable}
        canEdit={workspace.canEdit}
        canFork={workspace.canFork}
      />
    </div>
  );
}
