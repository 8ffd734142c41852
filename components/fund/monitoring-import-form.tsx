'use client';

import { useTranslations } from 'next-intl';
import { useIndicatorName } from './use-indicator-name';
import { useState } from 'react';
import { callApi } from '@/components/api-client';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FileInput } from '@/components/ui/file-input';
import { Notice } from '@/components/ui/notice';
import { Problems } from '@/components/ui/problems';
import { Select } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import { latestClosed } from './monitoring-years';
import { formatNames } from '@/lib/domain/format-names';

/** A year's results from a table (xlsx or CSV, the template's columns): all rows or none. */
export function MonitoringImportForm({ dealId, agreementId, years, onDone }: { dealId: string; agreementId: string; years: number[]; onDone: () => void }) {
  const t = useTranslations('fund');
  const indicatorName = useIndicatorName();
  const [file, setFile] = useState<File | null>(null);
  const { busy, failure, done: answered, onSubmit } = useApiForm<{ imported: number; years: number[]; disputed: { year: number; indicator: string }[] }>();
  const done = answered?.data;
  const [templateYear, setTemplateYear] = useState(latestClosed(years));
  const base = `/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`;
  const upload = () => {
    const form = new FormData();
    if (file) form.set('file', file);
    return callApi<{ imported: number; years: number[]; disputed: { year: number; indicator: string }[] }>(`${base}/import`, { form });
  };

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t('monitoring.import.title')}</h2>
      <p className="text-sm text-slate-600">
        {/* The Chinese headers are the file's own words, in Chinese on an English page too. */}
        {t.rich('monitoring.import.explain', { ...formatNames, zh: (chunks) => <span lang="zh">{chunks}</span> })}
      </p>
      <div className="flex flex-wrap items-end gap-2 text-sm">
        <Field label={t('monitoring.import.templateYear')}>
          <Select value={templateYear} onChange={(e) => setTemplateYear(Number(e.target.value))} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        </Field>
        <ButtonLink intent="quiet" href={`${base}/template?year=${templateYear}&format=xlsx`} download testId="template-xlsx">
          {t('monitoring.import.templateXlsx', formatNames)}
        </ButtonLink>
        <ButtonLink intent="quiet" href={`${base}/template?year=${templateYear}&format=csv`} download>
          {t('monitoring.import.templateCsv', formatNames)}
        </ButtonLink>
        <ButtonLink intent="quiet" href={`${base}/template?year=${templateYear}&format=xlsx&layout=samples`} download testId="template-samples-xlsx">
          {t('monitoring.import.templateSamplesXlsx', formatNames)}
        </ButtonLink>
        <ButtonLink intent="quiet" href={`${base}/template?year=${templateYear}&format=csv&layout=samples`} download>
          {t('monitoring.import.templateSamplesCsv', formatNames)}
        </ButtonLink>
      </div>
      <p className="text-xs text-slate-600">{t.rich('monitoring.import.samplesExplain', { zh: (chunks) => <span lang="zh">{chunks}</span> })}</p>
      <form onSubmit={onSubmit(upload, onDone)} className="flex flex-wrap items-end gap-3">
        <Field label={t('monitoring.import.file')}>
          <FileInput accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} testId="import-file" />
        </Field>
        <Button type="submit" disabled={busy || !file} testId="import-submit">
          {busy ? t('common.saving') : t('monitoring.import.submit')}
        </Button>
      </form>
      {done && (
        <Notice tone="success" testId="import-result">
          {t('monitoring.import.done', { count: done.imported, years: done.years.join(', ') })}
          {done.disputed.length > 0 && ` ${t('monitoring.import.disputed', { list: done.disputed.map((d) => `${d.year} ${indicatorName(d.indicator)}`).join(', ') })}`}
        </Notice>
      )}
      {failure && <Problems failure={failure} testId="import-problems" recover />}
    </section>
  );
}
