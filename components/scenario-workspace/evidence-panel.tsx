'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { callApi } from '@/components/api-client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FileInput } from '@/components/ui/file-input';
import { Input } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { useApiForm } from '@/components/ui/use-api-form';
import { useDomainForm } from '@/components/ui/use-domain-form';
import { ZEvidenceLink } from '@/lib/domain/scenario-schemas';
import { TargetSelect } from './target-select';
import { targetLabel } from './targets';
import type { EvidenceDraft } from './use-draft';

/** What the member types about a file; the file's name and hash come from the upload. */
const ZEvidenceForm = ZEvidenceLink.pick({ target: true, note: true });

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
  const [file, setFile] = useState<File | null>(null);
  const { busy, failure, send } = useApiForm<{ sha256: string; fileName: string }>();
  const { register, handleSubmit, formState, resetField } = useDomainForm(ZEvidenceForm, { defaultValues: { target: 'scenario', note: '' } });
  const whole = t('wholeScenario');

  const upload = () => {
    const form = new FormData();
    if (file) form.set('file', file);
    return callApi<{ sha256: string; fileName: string }>(`/api/v1/deals/${dealId}/evidence`, { form });
  };
  const attach = ({ target, note }: { target: string; note?: string | null }) =>
    send(upload, (stored) => {
      onChange([...evidence, { target, fileName: stored.fileName, sha256: stored.sha256, note: note || null }]);
      setFile(null);
      resetField('note');
    });

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="evidence-heading" data-testid="evidence">
      <h2 id="evidence-heading" className="text-lg font-semibold text-water-900">
        {t('evidence')}
      </h2>
      <p className="text-sm text-slate-600">{t('evidenceHint')}</p>
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
      {editing && (
        <form className="mt-4 grid gap-2 border-t border-slate-100 pt-3 text-sm" onSubmit={handleSubmit(attach)} noValidate>
          <TargetSelect label={t('evidenceFor')} whole={whole} document={document} testId="evidence-target" error={formState.errors.target?.message} {...register('target')} />
          <Field label={t('evidenceFile')} hint={t('evidenceLimits')}>
            <FileInput accept=".pdf,.xlsx,.docx,.csv,.png,.jpg,.jpeg,.webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} testId="evidence-file" />
          </Field>
          <Field label={t('sourceNote')} error={formState.errors.note?.message}>
            <Input maxLength={2000} placeholder={t('sourceNotePlaceholder')} testId="evidence-note" {...register('note')} />
          </Field>
          <div>
            <Button type="submit" disabled={!file || busy} testId="evidence-upload">
              {busy ? t('uploading') : t('attach')}
            </Button>
          </div>
          {failure && <Problems failure={failure} />}
        </form>
      )}
    </section>
  );
}
