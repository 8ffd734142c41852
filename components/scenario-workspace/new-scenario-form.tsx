'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import { parseScenarioText } from '@/lib/engine/schema';
import { documentOf, useProblemText } from '@/components/ui/use-problem-text';
import { scenarioFields } from '@/lib/domain/problem-place';
import { FieldProblem } from '@/components/ui/field-problem';

/** Starts a scenario of the member's own side from a pes-scenario/1 file (v1 of a new history). */
export function NewScenarioForm({ dealId }: { dealId: string }) {
  const t = useTranslations('scenarios');
  const say = useProblemText();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const submit = async () => {
    if (!file) return;
    setFailure(null);
    const text = await file.text();
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return setFailure({ ok: false, status: 400, code: 'invalid', message: t('fileRefused'), problems: say.list(parsed.problems, documentOf(text), scenarioFields) });
    setBusy(true);
    const outcome = await callApi<{ versionId: string }>(`/api/v1/deals/${dealId}/scenarios`, { json: { document: JSON.parse(text), message: message.trim() || t('firstVersion') } });
    setBusy(false);
    if (!outcome.ok) return setFailure(outcome);
    router.push(`/deals/${dealId}/versions/${outcome.data.versionId}?saved=1`);
  };
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="new-scenario"
    >
      <p className="w-full font-medium">{t('newTitle')}</p>
      <label className="grid gap-1">
        <span>{t('newFile')}</span>
        <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="new-scenario-file" />
      </label>
      <label className="grid flex-1 gap-1">
        <span>{t('message')}</span>
        <input value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} placeholder={t('firstVersion')} className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={!file || busy} className="rounded-md bg-water-700 px-3 py-1.5 text-white disabled:opacity-50">
        {t('newButton')}
      </button>
      {failure && (
        <div role="alert" className="w-full text-red-800">
          <p>{failure.message}</p>
          <ul className="list-disc pl-5">
            {failure.problems.slice(0, 30).map((p, i) => (
              <li key={i}>
                <FieldProblem field={p.label ?? p.field} message={p.message} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
