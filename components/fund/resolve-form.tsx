'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FileInput, Input, Radio, Textarea } from '@/components/ui/input';
import { NumberInput } from '@/components/ui/number-input';
import { Problems } from '@/components/ui/problems';
import { Select } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import type { CellDto } from '@/lib/contracts/fund';

/** How the fund settles a disputed result: accept one side's value, average them, or record a retest with its evidence. */
export function ResolveForm({ dealId, agreementId, cell, onDone }: { dealId: string; agreementId: string; cell: CellDto; onDone: () => void }) {
  const t = useTranslations('fund');
  const [method, setMethod] = useState<'ACCEPT' | 'AVERAGE' | 'RETEST'>('AVERAGE');
  const [valueId, setValueId] = useState(cell.current[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [retest, setRetest] = useState({ value: '', laboratory: '', sampledFrom: `${cell.year}-01-01`, sampledTo: `${cell.year}-12-31` });
  const [file, setFile] = useState<File | null>(null);
  const { busy, failure, onSubmit } = useApiForm();
  const url = `/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/resolutions`;

  const resolve = () => {
    const base = { year: cell.year, indicator: cell.indicator, note };
    if (method !== 'RETEST') return callApi(url, { json: method === 'ACCEPT' ? { ...base, method, valueId } : { ...base, method } });
    const form = new FormData();
    form.set('resolution', JSON.stringify({ ...base, method, ...retest }));
    if (file) form.set('file', file);
    return callApi(url, { form });
  };

  return (
    <form onSubmit={onSubmit(resolve, onDone)} className="mt-2 space-y-3 rounded-md border border-slate-300 bg-white p-3" data-testid={`resolve-form-${cell.year}-${cell.indicator}`}>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-slate-600">{t('monitoring.resolve.how')}</legend>
        {(['ACCEPT', 'AVERAGE', 'RETEST'] as const).map((m) => (
          <Radio key={m} name="method" value={m} checked={method === m} onChange={() => setMethod(m)} testId={`resolve-method-${m}`} label={t(`monitoring.resolve.method.${m}`)} />
        ))}
      </fieldset>
      {method === 'ACCEPT' && (
        <Field label={t('monitoring.resolve.accept')}>
          <Select value={valueId} onChange={(e) => setValueId(e.target.value)} testId="resolve-accept" options={cell.current.map((e) => ({ value: e.id, label: `${t(`side.${e.side}`)}: ${e.value} (${e.laboratory})` }))} />
        </Field>
      )}
      {method === 'RETEST' && (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t('monitoring.field.value')}>
            <NumberInput value={retest.value} onChange={(value) => setRetest({ ...retest, value })} testId="retest-value" />
          </Field>
          <Field label={t('monitoring.field.laboratory')}>
            <Input value={retest.laboratory} onChange={(e) => setRetest({ ...retest, laboratory: e.target.value })} testId="retest-laboratory" />
          </Field>
          <Field label={t('monitoring.resolve.evidence')}>
            <FileInput onChange={(e) => setFile(e.target.files?.[0] ?? null)} testId="retest-file" />
          </Field>
          <Field label={t('monitoring.field.sampledFrom')}>
            <Input type="date" value={retest.sampledFrom} onChange={(e) => setRetest({ ...retest, sampledFrom: e.target.value })} />
          </Field>
          <Field label={t('monitoring.field.sampledTo')}>
            <Input type="date" value={retest.sampledTo} onChange={(e) => setRetest({ ...retest, sampledTo: e.target.value })} />
          </Field>
        </div>
      )}
      <Field label={t('monitoring.resolve.note')}>
        <Textarea className="min-h-16" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('monitoring.resolve.notePlaceholder')} testId="resolve-note" />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy} testId="resolve-submit">
          {busy ? t('common.saving') : t('monitoring.resolve.submit')}
        </Button>
        <span className="text-xs text-slate-500">{t('monitoring.resolve.explain')}</span>
      </div>
      {failure && <Problems failure={failure} testId="resolve-problems" recover />}
    </form>
  );
}
