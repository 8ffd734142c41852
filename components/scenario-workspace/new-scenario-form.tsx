'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import { parseScenarioText } from '@/lib/engine/schema';
import { documentOf, useProblemText } from '@/components/ui/use-problem-text';
import { scenarioFields } from '@/lib/domain/problem-place';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FileInput, Input } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { useDomainForm } from '@/components/ui/use-domain-form';
import { ZNewScenario } from '@/lib/domain/scenario-schemas';

/** The form's one typed field; the document comes from the file. */
const ZNewScenarioForm = ZNewScenario.pick({ message: true });

/** Starts a scenario of the member's own side from a pes-scenario/1 file (v1 of a new history). */
export function NewScenarioForm({ dealId }: { dealId: string }) {
  const t = useTranslations('scenarios');
  const say = useProblemText();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const { register, handleSubmit, formState } = useDomainForm(ZNewScenarioForm, { defaultValues: { message: t('firstVersion') } });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const submit = async ({ message }: { message: string }) => {
    if (!file) return;
    setFailure(null);
    const text = await file.text();
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return setFailure({ ok: false, status: 400, code: 'invalid', message: t('fileRefused'), problems: say.list(parsed.problems, documentOf(text), scenarioFields) });
    setBusy(true);
    const outcome = await callApi<{ versionId: string }>(`/api/v1/deals/${dealId}/scenarios`, { json: { document: JSON.parse(text), message } });
    setBusy(false);
    if (!outcome.ok) return setFailure(outcome);
    router.push(`/deals/${dealId}/versions/${outcome.data.versionId}?saved=1`);
  };
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      onSubmit={handleSubmit(submit)}
      data-testid="new-scenario"
      noValidate
    >
      <p className="w-full font-medium">{t('newTitle')}</p>
      <Field label={t('newFile')}>
        <FileInput accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} testId="new-scenario-file" />
      </Field>
      <Field label={t('message')} className="flex-1" error={formState.errors.message?.message}>
        <Input maxLength={500} {...register('message')} />
      </Field>
      <Button type="submit" disabled={!file || busy}>
        {t('newButton')}
      </Button>
      {failure && <Problems failure={failure} title={failure.code === 'invalid' ? failure.message : undefined} className="w-full" />}
    </form>
  );
}
