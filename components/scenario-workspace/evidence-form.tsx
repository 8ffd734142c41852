'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FileInput } from '@/components/ui/file-input';
import { Input } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import { TargetSelect } from './target-select';
import type { EvidenceDraft } from './use-draft';
import { formatNames } from '@/lib/domain/format-names';

/** What the member types about a file; the file's name and hash come from the upload. The schema comes when the form is first checked (components/ui/domain-resolver.ts). */
const evidenceFormSchema = lazySchema(() => import('@/lib/domain/scenario-schemas').then((m) => m.ZEvidenceLink.pick({ target: true, note: true })));

/** While a version is edited: uploads a file (stored by hash) and links it to the next version, about the scenario or one line. */
export function EvidenceForm({ dealId, document, evidence, onChange }: { dealId: string; document: ScenarioDocument; evidence: EvidenceDraft[]; onChange: (next: EvidenceDraft[]) => void }) {
  const t = useTranslations('version');
  const [file, setFile] = useState<File | null>(null);
  const { busy, failure, send } = useApiForm<{ sha256: string; fileName: string }>();
  const { register, handleSubmit, formState, resetField } = useDomainForm(evidenceFormSchema, { defaultValues: { target: 'scenario', note: '' } });
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
    <form className="mt-4 grid gap-2 border-t border-slate-100 pt-3 text-sm" onSubmit={handleSubmit(attach)} noValidate>
      <TargetSelect label={t('evidenceFor')} whole={whole} document={document} testId="evidence-target" error={formState.errors.target?.message} {...register('target')} />
      <Field label={t('evidenceFile')} hint={t('evidenceLimits', formatNames)}>
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
  );
}
