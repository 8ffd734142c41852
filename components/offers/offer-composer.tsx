'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { callApi, type ApiFailure } from '@/components/api-client';
import { blankTerms, termsDocument, type TermsDraft } from '@/components/terms/terms-draft';
import { TermsEditor } from '@/components/terms/terms-editor';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Checkbox, Input, Textarea } from '@/components/ui/input';
import { Money } from '@/components/ui/money';
import { Notice } from '@/components/ui/notice';
import { NumberInput } from '@/components/ui/number-input';
import { Problems } from '@/components/ui/problems';
import { Select } from '@/components/ui/select';
import { useDomainForm } from '@/components/ui/use-domain-form';
import { useUnitWord } from '@/components/ui/use-unit-word';
import { ZScheduleRows } from '@/lib/domain/offer-schedule';
import { ZOfferForm } from '@/lib/domain/offer-schemas';
import { D } from '@/lib/engine/decimal';
import { scheduleInUnit } from '@/lib/engine/negotiation';
import { checkOfferSchedule, scheduleRange } from '@/lib/engine/offer-schedule';
import { formatRange } from '@/lib/engine/years';
import { filledMeasurements } from '@/lib/terms/measurement';
import { parseTerms } from '@/lib/terms/schema';
import type { Monitoring } from '@/lib/terms/settle';
import type { OfferRoom as OfferRoomDto } from '@/lib/contracts/offers';
import { useReaderUnit } from '@/components/reader-unit';
import { Distance } from './bound-distance';
import { inDays, modelOf, modelRows, nashRows, splitRow, type DraftRow, type DraftStart } from './offer-draft';

/**
 * A new offer or a counter-offer: rows of any year range, filled from the model's schedule or the
 * pair's Nash suggestion, checked as typed against the lower bound of the chosen version and the
 * upper bound of the upper version, year by year and in present value; a message; optional
 * performance terms over the schedule's years.
 */
export function OfferComposer({ dealId, room, start, onClose }: { dealId: string; room: OfferRoomDto; start: DraftStart; onClose: () => void }) {
  const t = useTranslations('offers');
  const readerUnit = useReaderUnit();
  const router = useRouter();
  const unitWord = useUnitWord();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [versionId, setVersionId] = useState(start.versionId);
  const [upperVersionId, setUpperVersionId] = useState(room.defaultUpperVersionId ?? start.versionId);
  const [weight, setWeight] = useState('0.5');
  const [terms, setTerms] = useState<TermsDraft | null>(start.terms);
  const [termsMonitoring, setTermsMonitoring] = useState<Monitoring>(start.termsMonitoring);
  const form = useDomainForm(ZOfferForm, { defaultValues: { rows: start.rows, validUntil: inDays(30), message: '' } });
  const rows = useFieldArray({ control: form.control, name: 'rows' });
  const version = room.versions.find((v) => v.id === versionId) ?? room.versions[0]!;
  const upper = room.versions.find((v) => v.id === upperVersionId && (v.side === 'DOWNSTREAM' || v.id === versionId)) ?? version;
  const typed = useWatch({ control: form.control, name: 'rows' }) as DraftRow[];
  const parsed = useMemo(() => ZScheduleRows.safeParse(typed), [typed]);
  const schedule = parsed.success ? parsed.data : null;
  const check = useMemo(() => {
    if (!schedule) return null;
    const result = checkOfferSchedule(schedule, modelOf(version), modelOf(upper));
    return result.outsideScenarioYears.length ? null : result;
  }, [schedule, version, upper]);
  const range = schedule ? scheduleRange(schedule) : null;
  const termsDefaults = range ? { ...range, unit: Number(version.unit), currency: version.currency, parties: room.termsDefaults.parties } : undefined;
  const termsOutcome = useMemo(() => (terms ? parseTerms(termsDocument(terms)) : null), [terms]);
  const termsProblem = termsOutcome && !termsOutcome.ok ? t('termsInvalid', { count: termsOutcome.problems.length }) : null;
  const termsOffRange = terms && range && (Number(terms.from) !== range.from || Number(terms.to) !== range.to);
  // `scheduled` in a formula is this offer's payment for the year, in the terms' own unit.
  const scheduledForTerms = useMemo(() => {
    if (!schedule || !terms) return undefined;
    return Object.fromEntries([...scheduleInUnit(schedule, version.unit, String(terms.unit || 1))].map(([year, amount]) => [String(year), amount.toFixed()]));
  }, [schedule, terms, version.unit]);

  const fill = (next: DraftRow[]) => rows.replace(next);
  const addRow = () => {
    const last = typed.at(-1);
    const from = last ? Number(last.to) + 1 : version.paymentStartYear;
    rows.append({ from, to: Math.max(from, version.endYear), mode: 'amount', amount: '', pricePerM3: '', volume: '' });
  };

  const send = form.handleSubmit(async (values) => {
    setBusy(true);
    setFailure(null);
    const outcome = await callApi(`/api/v1/deals/${dealId}/offers`, {
      json: {
        versionId,
        ...(upper.id !== versionId ? { upperVersionId: upper.id } : {}),
        schedule: values.rows,
        validUntil: new Date(`${String(form.getValues('validUntil'))}T23:59:59+08:00`).toISOString(),
        ...(values.message ? { message: values.message } : {}),
        ...(terms ? { terms: termsDocument(terms), ...(Object.keys(termsMonitoring).length ? { termsMonitoring: filledMeasurements(termsMonitoring) } : {}) } : {}),
        ...(start.answersOfferId ? { answersOfferId: start.answersOfferId } : {}),
      },
    });
    setBusy(false);
    if (!outcome.ok) return setFailure(outcome);
    onClose();
    router.refresh();
  });

  const rowError = (i: number, key: keyof DraftRow) => (form.formState.errors.rows?.[i] as Record<string, { message?: string }> | undefined)?.[key]?.message;
  // Offered on a version that states the lower bound; checked against a downstream version's upper bound, or the offer's own.
  const versionOptions = room.versions.filter((v) => v.lowerBoundStated).map((v) => ({ value: v.id, label: v.label }));
  const upperOptions = room.versions.filter((v) => v.side === 'DOWNSTREAM' || v.id === versionId).map((v) => ({ value: v.id, label: v.label }));
  return (
    <section className="space-y-4 rounded-lg border-2 border-water-100 bg-white p-4" aria-labelledby="composer-title" data-testid="composer">
      <h2 id="composer-title" className="text-lg font-semibold text-water-900">
        {start.answersNumber ? t('counterTitle', { number: start.answersNumber }) : t('newOfferTitle')}
      </h2>
      <div className="flex flex-wrap gap-4">
        <Field label={t('version')} hint={t('unitNote', { unit: unitWord(version.unit, version.currency), priceBase: room.deal.priceBase })} className="max-w-md flex-1">
          {/* Keeps the typed rows: only "fill again" replaces them. */}
          <Select value={versionId} onChange={(e) => setVersionId(e.target.value)} options={versionOptions} testId="offer-version" />
        </Field>
        <Field label={t('upperVersion')} hint={t('upperVersionHint')} className="max-w-md flex-1">
          <Select value={upper.id} onChange={(e) => setUpperVersionId(e.target.value)} options={upperOptions} testId="offer-upper-version" />
        </Field>
      </div>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <Button intent="secondary" onClick={() => fill(modelRows(version))} testId="fill-model">
          {t('fillModel')}
        </Button>
        <Field label={t('nashWeight')} className="w-28">
          <NumberInput value={weight} onChange={setWeight} testId="nash-weight" />
        </Field>
        <Button intent="secondary" disabled={!isWeight(weight)} onClick={() => fill(nashRows(version, upper, weight))} testId="fill-nash">
          {t('fillNash')}
        </Button>
        <p className="text-xs text-slate-500">{t('fillHint', { start: version.paymentStartYear, catchUp: version.catchUpYears ? formatRange(version.catchUpYears) : '—' })}</p>
      </div>
      <table className="w-full text-sm">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="py-1 font-medium">{t('fromYear')}</th>
            <th className="py-1 font-medium">{t('toYear')}</th>
            <th className="py-1 font-medium">{t('how')}</th>
            <th className="py-1 font-medium">{t('perYearIn', { unit: unitWord(version.unit, version.currency) })}</th>
            <th className="py-1 font-medium">
              <span className="sr-only">{t('rowActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.fields.map((field, i) => {
            const row = typed[i] ?? (field as unknown as DraftRow);
            const priceAmount = row.mode === 'price' && isNumber(String(row.pricePerM3)) && isNumber(String(row.volume)) ? D(row.pricePerM3).times(row.volume) : null;
            return (
              <tr key={field.id} className="border-t border-slate-100 align-top" data-testid={`offer-row-${i}`}>
                {(['from', 'to'] as const).map((key) => (
                  <td key={key} className="py-2 pr-2">
                    <Controller
                      control={form.control}
                      name={`rows.${i}.${key}`}
                      render={({ field: f }) => (
                        <Field label={<span className="sr-only">{t(key === 'from' ? 'fromYear' : 'toYear')}</span>} error={rowError(i, key)}>
                          <NumberInput value={String(f.value ?? '')} onChange={f.onChange} onBlur={f.onBlur} className="w-20" testId={`offer-${key}-${i}`} />
                        </Field>
                      )}
                    />
                  </td>
                ))}
                <td className="py-2 pr-2">
                  <Select
                    {...form.register(`rows.${i}.mode`)}
                    aria-label={t('how')}
                    options={[
                      { value: 'amount', label: t('modeAmount') },
                      { value: 'price', label: t('modePrice') },
                    ]}
                    testId={`offer-mode-${i}`}
                  />
                </td>
                <td className="py-2 pr-2">
                  {row.mode === 'amount' ? (
                    <Controller
                      control={form.control}
                      name={`rows.${i}.amount`}
                      render={({ field: f }) => (
                        <Field label={<span className="sr-only">{t('amountFor', { years: `${row.from}–${row.to}` })}</span>} error={rowError(i, 'amount')}>
                          <NumberInput value={String(f.value ?? '')} onChange={f.onChange} onBlur={f.onBlur} className="w-44" testId={`offer-amount-${i}`} />
                        </Field>
                      )}
                    />
                  ) : (
                    <span className="flex flex-wrap items-start gap-1">
                      <Controller
                        control={form.control}
                        name={`rows.${i}.pricePerM3`}
                        render={({ field: f }) => (
                          <Field label={t('priceLabel')} error={rowError(i, 'pricePerM3')}>
                            <NumberInput value={String(f.value ?? '')} onChange={f.onChange} onBlur={f.onBlur} className="w-24" testId={`offer-price-${i}`} />
                          </Field>
                        )}
                      />
                      <span className="pt-7 text-slate-500">×</span>
                      <Controller
                        control={form.control}
                        name={`rows.${i}.volume`}
                        render={({ field: f }) => (
                          <Field label={t('volumeLabel')} error={rowError(i, 'volume')}>
                            <NumberInput value={String(f.value ?? '')} onChange={f.onChange} onBlur={f.onBlur} className="w-40" testId={`offer-volume-${i}`} />
                          </Field>
                        )}
                      />
                      <span className="pt-7 text-slate-600" data-testid={`offer-price-amount-${i}`}>
                        = <Money value={priceAmount} scale={readerUnit} />
                      </span>
                    </span>
                  )}
                </td>
                <td className="space-x-1 py-2 text-right whitespace-nowrap">
                  <Button intent="plain" size="sm" onClick={() => fill([...typed.slice(0, i), ...splitRow(row), ...typed.slice(i + 1)])} testId={`offer-split-${i}`}>
                    {t('splitRow')}
                  </Button>
                  <Button intent="plain" size="sm" disabled={rows.fields.length === 1} onClick={() => rows.remove(i)} testId={`offer-remove-${i}`}>
                    {t('removeRow')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button intent="secondary" size="sm" onClick={addRow} testId="offer-add-row">
        {t('addRow')}
      </Button>
      {!schedule ? (
        <p className="text-sm text-red-800" role="alert">
          {t('rowsIncomplete')}
        </p>
      ) : check ? (
        <Distance check={check} unit={version.unit} />
      ) : (
        <Notice tone="warning">{t('outsideVersion', { years: `${version.startYear}–${version.endYear}` })}</Notice>
      )}
      <div className="flex flex-wrap gap-4 text-sm">
        <Field label={t('validUntilLabel')} error={form.formState.errors.validUntil?.message}>
          <Input type="date" min={inDays(1)} testId="offer-valid-until" {...form.register('validUntil')} />
        </Field>
        <Field
          label={start.answersNumber ? t('counterMessage') : t('offerMessage')}
          hint={start.answersNumber ? t('counterMessageHint') : undefined}
          error={form.formState.errors.message?.message}
          className="min-w-80 flex-1"
        >
          <Textarea rows={2} maxLength={2000} testId="offer-message" {...form.register('message')} />
        </Field>
      </div>
      <section className="space-y-2 text-sm">
        <Checkbox
          className="gap-2 font-medium"
          checked={Boolean(terms)}
          onChange={(e) => setTerms(e.target.checked ? blankTerms(termsDefaults ?? { parties: room.termsDefaults.parties }) : null)}
          testId="offer-has-terms"
          label={t('termsTitle')}
        />
        <p className="text-slate-600">{t('termsHint')}</p>
        {terms && (
          <TermsEditor value={terms} onChange={setTerms} scheduled={scheduledForTerms} defaults={termsDefaults} initialMonitoring={start.termsMonitoring} onMonitoringChange={setTermsMonitoring} />
        )}
        {termsProblem && <p className="text-red-800">{termsProblem}</p>}
        {termsOffRange && range && (
          <Notice tone="warning" testId="terms-off-range">
            {t('termsOffRange', { terms: `${terms.from}–${terms.to}`, schedule: formatRange(range) })}{' '}
            <Button intent="plain" size="sm" onClick={() => setTerms({ ...terms, from: range.from, to: range.to })} testId="terms-take-range">
              {t('termsTakeRange')}
            </Button>
          </Notice>
        )}
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <Button size="lg" disabled={busy || !check || Boolean(termsProblem) || Boolean(termsOffRange)} onClick={send} testId="send-offer">
          {busy ? t('sending') : check && (check.belowLowerYears.length || check.aboveUpperYears.length) ? t('sendAnyway') : t('send')}
        </Button>
        <Button intent="plain" onClick={onClose}>
          {t('cancel')}
        </Button>
      </div>
      {failure && <Problems failure={failure} testId="offer-failure" />}
    </section>
  );
}

const isNumber = (v: string) => /^\d+(\.\d+)?$/.test(v.trim());
const isWeight = (v: string) => isNumber(v) && D(v).lessThanOrEqualTo(1);
