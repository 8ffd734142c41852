'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { targetLabel } from './targets';
import type { EvidenceDraft } from './use-draft';
import { formatNames } from '@/lib/domain/format-names';

// The form that links a file, shown while editing, is fetched when editing starts.
const EvidenceForm = dynamic(() => import('./evidence-form').then((m) => m.EvidenceForm));

/**
 * The files a version cites, each pinned by its SHA-256. While editing, new files are uploaded at
 * once (stored by hash) and linked to the next version when it is saved.
 */
export function EvidencePanel({
  dealId,
  document,
  evidence,
  editing,
  onChange,
}: {
  dealId: string;
  document: ScenarioDocument;
  evidence: EvidenceDraft[];
  editing: boolean;
  onChange: (next: EvidenceDraft[]) => void;
}) {
  const t = useTranslations('version');
  const whole = t('wholeScenario');

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="evidence-heading" data-testid="evidence">
      <h2 id="evidence-heading" className="text-lg font-semibold text-water-900">
        {t('evidence')}
      </h2>
      <p className="text-sm text-slate-600">{t('evidenceHint', formatNames)}</p>
      {evidence.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{editing ? t('noEvidenceEditing') : t('noEvidence')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {evidence.map((link, index) => (
            <li key={`${link.sha256}-${link.target}-${index}`} className="flex flex-wrap items-baseline gap-2 py-2">
              <Badge tone="quiet">{targetLabel(document, link.target, whole)}</Badge>
              <a href={`/api/v1/deals/${dealId}/evidence/${link.sha256}`} className="font-medium text-water-700 hover:underline">
                {link.fileName}
              </a>
              <span className="font-mono text-xs text-slate-500" title={link.sha256}>
                sha256 {link.sha256.slice(0, 10)}…
              </span>
              {link.note && (
                <span className="w-full text-slate-600">
                  {t('sourceNote')}: {link.note}
                </span>
              )}
              {editing && (
                <Button intent="dangerLink" size="xs" className="ml-auto" onClick={() => onChange(evidence.filter((_, i) => i !== index))}>
                  {t('unlink')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && <EvidenceForm dealId={dealId} document={document} evidence={evidence} onChange={onChange} />}
    </section>
  );
}
