'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { callApi } from '@/components/api-client';
import { useApiForm } from '@/components/ui/use-api-form';
import { TargetSelect } from './target-select';
import { targetLabel } from './targets';
import type { EvidenceDraft } from './use-draft';

/**
 * The files a version cites, each pinned by its SHA-256. While editing, new files are uploaded at
 * once (stored by hash) and linked to the next version when it is saved.
 */
export function EvidencePanel({ dealId, document, evidence, editing, onChange }: { dealId: string; document: ScenarioDocument; evidence: EvidenceDraft[]; editing: boolean; onChange: (next: EvidenceDraft[]) => void }) {
  const t = useTranslations('version');
  const [target, setTarget] = useState('scenario');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { busy, failure, onSubmit } = useApiForm<{ sha256: string; fileName: string }>();
  const whole = t('wholeScenario');

  const upload = () => {
    const form = new FormData();
    if (file) form.set('file', file);
    return callApi<{ sha256: string; fileName: string }>(`/api/v1/deals/${dealId}/evidence`, { form });
  };
  const uploaded = (stored: { sha256: string; fileName: string }) => {
    onChange([...evidence, { target, fileName: stored.fileName, sha256: stored.sha256, note: note.trim() || null }]);
    setFile(null);
    setNote('');
  };

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
              <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700">{targetLabel(document, link.target, whole)}</span>
              <a href={`/api/v1/deals/${dealId}/evidence/${link.sha256}`} className="font-medium text-water-700 hover:underline">
                {link.fileName}
              </a>
              <span className="font-mono text-xs text-slate-500" title={link.sha256}>
                sha256 {link.sha256.slice(0, 10)}…
              </span>
              {link.note && <span className="w-full text-slate-600">{t('sourceNote')}: {link.note}</span>}
              {editing && (
                <button type="button" className="ml-auto text-xs text-red-700 hover:underline" onClick={() => onChange(evidence.filter((_, i) => i !== index))}>
                  {t('unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <form
          className="mt-4 grid gap-2 border-t border-slate-100 pt-3 text-sm"
          onSubmit={onSubmit(upload, uploaded)}
        >
          <TargetSelect label={t('evidenceFor')} whole={whole} document={document} value={target} onChange={setTarget} testId="evidence-target" />
          <label className="grid gap-1">
            <span className="text-slate-700">{t('evidenceFile')}</span>
            <input type="file" accept=".pdf,.xlsx,.docx,.csv,.png,.jpg,.jpeg,.webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="evidence-file" />
            <span className="text-xs text-slate-500">{t('evidenceLimits')}</span>
          </label>
          <label className="grid gap-1">
            <span className="text-slate-700">{t('sourceNote')}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} placeholder={t('sourceNotePlaceholder')} className="rounded-md border border-slate-300 px-2 py-1" data-testid="evidence-note" />
          </label>
          <div>
            <button type="submit" disabled={!file || busy} className="rounded-md bg-water-700 px-3 py-1.5 text-white disabled:opacity-50" data-testid="evidence-upload">
              {busy ? t('uploading') : t('attach')}
            </button>
          </div>
          {failure && (
            <p role="alert" className="text-red-800">
              {failure.status === 0 ? t('network') : failure.message}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
