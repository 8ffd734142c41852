'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import type { ScenarioTemplate } from '@/lib/engine/templates';
import { documentOf, useProblemText } from '@/components/ui/use-problem-text';
import { scenarioFields } from '@/lib/domain/problem-place';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FileInput } from '@/components/ui/file-input';
import { Input } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { ToggleGroup } from '@/components/ui/toggle-group';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import { formatNames } from '@/lib/domain/format-names';

type Start = ScenarioTemplate | 'file';
type Started = { versionId: string };

// The forms' schemas come when a form is first checked (components/ui/domain-resolver.ts).
const templateFormSchema = lazySchema(() => import('@/lib/domain/scenario-schemas').then((m) => m.ZNewScenarioFromTemplate));
/** The file's one typed field; the document comes from the file. */
const fileFormSchema = lazySchema(() => import('@/lib/domain/scenario-schemas').then((m) => m.ZNewScenarioFromDocument.pick({ message: true })));

/**
 * Starts a scenario of the member's own side (v1 of a new history): from the paper's Table 2 or
 * blank, on the deal's settings, or from a pes-scenario/1 file. A template's v1 holds no number:
 * the member fills it in the editor and saves v2 (decision 0041).
 */
/** `dealTerms` says what a template takes from the deal (its years, unit, price base, periods), worded by the page. */
export function NewScenarioForm({ dealId, dealTerms }: { dealId: string; dealTerms: string }) {
  const t = useTranslations('scenarios');
  const [start, setStart] = useState<Start>('paper-table-2');
  const options = (['paper-table-2', 'blank', 'file'] as const).map((value) => ({ value, label: t(`start.${value}`), testId: `start-${value}` }));
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="new-scenario">
      <h2 className="font-medium">{t('newTitle')}</h2>
      <ToggleGroup label={t('startLabel')} options={options} value={start} onChange={setStart} />
      {start === 'file' ? <FileStart dealId={dealId} /> : <TemplateStart key={start} dealId={dealId} dealTerms={dealTerms} template={start} />}
    </section>
  );
}

function useOpenVersion(dealId: string) {
  const router = useRouter();
  return (data: Started) => router.push(`/deals/${dealId}/versions/${data.versionId}?saved=1`);
}

/** What the template will hold, in the deal's terms, so nothing about it is a surprise. */
function TemplateContents({ dealTerms, template }: { dealTerms: string; template: ScenarioTemplate }) {
  const t = useTranslations('scenarios');
  return (
    <div className="space-y-1 text-slate-700" data-testid="template-contents">
      <p>{t(`startExplain.${template}`, formatNames)}</p>
      <p className="text-slate-600">{dealTerms}</p>
      {template === 'paper-table-2' && <p className="text-slate-600">{t('leftToFill')}</p>}
    </div>
  );
}

function TemplateStart({ dealId, dealTerms, template }: { dealId: string; dealTerms: string; template: ScenarioTemplate }) {
  const t = useTranslations('scenarios');
  const opened = useOpenVersion(dealId);
  const { busy, failure, send } = useApiForm<Started>();
  const { register, handleSubmit, formState } = useDomainForm(templateFormSchema, {
    defaultValues: { template, name: t(`defaultName.${template}`), message: t(`firstVersionFrom.${template}`) },
  });
  const submit = (input: { template: ScenarioTemplate; name: string; message: string }) => send(() => callApi<Started>(`/api/v1/deals/${dealId}/scenarios`, { json: input }), opened);
  return (
    <form className="space-y-3" onSubmit={handleSubmit(submit)} noValidate>
      <TemplateContents dealTerms={dealTerms} template={template} />
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('name')} error={formState.errors.name?.message}>
          <Input className="w-72" maxLength={200} {...register('name')} testId="new-scenario-name" />
        </Field>
        <Field label={t('message')} className="flex-1" error={formState.errors.message?.message}>
          <Input maxLength={500} {...register('message')} />
        </Field>
        <Button type="submit" disabled={busy} testId="new-scenario-create">
          {t('newButton')}
        </Button>
      </div>
      {failure && <Problems failure={failure} />}
    </form>
  );
}

function FileStart({ dealId }: { dealId: string }) {
  const t = useTranslations('scenarios');
  const say = useProblemText();
  const opened = useOpenVersion(dealId);
  const [file, setFile] = useState<File | null>(null);
  const { register, handleSubmit, formState } = useDomainForm(fileFormSchema, { defaultValues: { message: t('firstVersion') } });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const submit = async ({ message }: { message: string }) => {
    if (!file) return;
    setFailure(null);
    const text = await file.text();
    // The engine's document schema (zod) is fetched when a file is sent, not with the page.
    const { parseScenarioText } = await import('@/lib/engine/schema');
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return setFailure({ ok: false, status: 400, code: 'invalid', message: t('fileRefused', formatNames), problems: say.list(parsed.problems, documentOf(text), scenarioFields) });
    setBusy(true);
    const outcome = await callApi<Started>(`/api/v1/deals/${dealId}/scenarios`, { json: { document: JSON.parse(text), message } });
    setBusy(false);
    if (!outcome.ok) return setFailure(outcome);
    opened(outcome.data);
  };
  return (
    <form className="space-y-3" onSubmit={handleSubmit(submit)} noValidate>
      <p className="text-slate-700">{t('startExplain.file', formatNames)}</p>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('newFile', formatNames)}>
          <FileInput accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} testId="new-scenario-file" />
        </Field>
        <Field label={t('message')} className="flex-1" error={formState.errors.message?.message}>
          <Input maxLength={500} {...register('message')} />
        </Field>
        <Button type="submit" disabled={!file || busy}>
          {t('newButton')}
        </Button>
      </div>
      {failure && <Problems failure={failure} title={failure.code === 'invalid' ? failure.message : undefined} />}
    </form>
  );
}
