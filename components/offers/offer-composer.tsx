'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import { TermsEditor, blankTerms, termsDocument } from '@/components/terms/terms-editor';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Checkbox, Input } from '@/components/ui/input';
import { NumberInput } from '@/components/ui/number-input';
import { Problems } from '@/components/ui/problems';
import { Select } from '@/components/ui/select';
import { useDomainForm } from '@/components/ui/use-domain-form';
import { useUnitWord } from '@/components/ui/use-unit-word';
import { formatAmount } from '@/lib/domain/format';
import { checkAgainstBounds, scheduleInUnit } from '@/lib/engine/negotiation';
import { ZSendOffer } from '@/lib/domain/offer-schemas';
import { parseTerms } from '@/lib/terms';
import type { OfferRoom as OfferRoomDto } from '@/lib/contracts/offers';
import { useReaderUnit } from '@/components/reader-unit';
import { Distance } from './bound-distance';
import { draftFor, inDays, scheduleOf, type Draft, type Lang } from './offer-draft';

/** The composer's own fields, checked by the schema the API reads the offer with. */
const ZValidity = ZSendOffer.pick({ validUntil: true });

/** A new offer or a counter-offer: the schedule per period, its distance from the bounds, optional performance terms. */
export function OfferComposer({ dealId, room, draft, onChange, onClose, lang }: { dealId: string; room: OfferRoomDto; draft: Draft; onChange: (d: Draft) => void; onClose: () => void; lang: Lang }) {
  const t = useTranslations('offers');
  const readerUnit = useReaderUnit();
  const router = useRouter();
  const unitWord = useUnitWord();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const validity = useDomainForm(ZValidity, { defaultValues: { validUntil: draft.validUntil } });
  const version = room.versions.find((v) => v.id === draft.versionId) ?? room.versions[0]!;
  const { schedule, problems } = scheduleOf(draft);
  const check = useMemo(() => (problems.length ? null : checkAgainstBounds(schedule, version.unit, version.years)), [problems.length, schedule, version]);
  const termsOutcome = useMemo(() => (draft.terms ? parseTerms(termsDocument(draft.terms)) : null), [draft.terms]);
  const termsProblem = termsOutcome && !termsOutcome.ok ? t('termsInvalid', { count: termsOutcome.problems.length }) : null;
  // `scheduled` in a formula is this offer's payment for the year, in the terms' own unit.
  const scheduledForTerms = useMemo(() => {
    if (problems.length || !draft.terms) return undefined;
    return Object.fromEntries([...scheduleInUnit(schedule, version.unit, String(draft.terms.unit || 1))].map(([year, amount]) => [String(year), amount.toFixed()]));
  }, [problems.length, draft.terms, schedule, version.unit]);
  const setRow = (i: number, patch: Partial<Draft['rows'][number]>) => onChange({ ...draft, rows: draft.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const send = async () => {
    setBusy(true);
    setFailure(null);
    const outcome = await callApi(`/api/v1/deals/${dealId}/offers`, {
      json: {
        versionId: draft.versionId,
        schedule,
        validUntil: new Date(`${String(validity.getValues('validUntil'))}T23:59:59+08:00`).toISOString(),
        ...(draft.terms ? { terms: termsDocument(draft.terms) } : {}),
        ...(draft.answersOfferId ? { answersOfferId: draft.answersOfferId } : {}),
      },
    });
    setBusy(false);
    if (!outcome.ok) return setFailure(outcome);
    onClose();
    router.refresh();
  };
  return (
    <section className="space-y-4 rounded-lg border-2 border-water-100 bg-white p-4" aria-labelledby="composer-title" data-testid="composer">
      <h2 id="composer-title" className="text-lg font-semibold text-water-900">
        {draft.answersNumber ? t('counterTitle', { number: draft.answersNumber }) : t('newOfferTitle')}
      </h2>
      <Field label={t('version')} hint={t('unitNote', { unit: unitWord(version.unit, version.currency), priceBase: room.deal.priceBase })} className="max-w-xl">
        <Select
          value={draft.versionId}
          onChange={(e) => onChange({ ...draftFor(room.versions.find((v) => v.id === e.target.value)!), answersOfferId: draft.answersOfferId, answersNumber: draft.answersNumber })}
          options={room.versions.map((v) => ({ value: v.id, label: v.label }))}
          testId="offer-version"
        />
      </Field>
      <table className="w-full max-w-4xl text-sm">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="py-1 font-medium">{t('years')}</th>
            <th className="py-1 font-medium">{t('how')}</th>
            <th className="py-1 font-medium">{t('perYearIn', { unit: unitWord(version.unit, version.currency) })}</th>
            <th className="py-1 text-right font-medium">{t('boundsOfPeriod')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.rows.map((row, i) => {
            const period = version.periods.find((p) => p.from === row.from && p.to === row.to);
            return (
              <tr key={i} className="border-t border-slate-100 align-top">
                <td className="num py-2">{row.from === row.to ? row.from : `${row.from}–${row.to}`}</td>
                <td className="py-2">
                  <Select
                    value={row.mode}
                    onChange={(e) => setRow(i, { mode: e.target.value as 'amount' | 'price' })}
                    aria-label={t('how')}
                    options={[
                      { value: 'amount', label: t('modeAmount') },
                      { value: 'price', label: t('modePrice') },
                    ]}
                  />
                </td>
                <td className="py-2">
                  {row.mode === 'amount' ? (
                    <NumberInput value={row.amount} onChange={(amount) => setRow(i, { amount })} aria-label={t('amountFor', { years: `${row.from}–${row.to}` })} className="w-44" testId={`offer-amount-${i}`} />
                  ) : (
                    <span className="flex flex-wrap items-center gap-1">
                      <NumberInput value={row.pricePerM3} onChange={(pricePerM3) => setRow(i, { pricePerM3 })} aria-label={t('priceFor', { years: `${row.from}–${row.to}` })} className="w-24" />
                      <span className="text-xs text-slate-500">{t('yuanPerM3')} ×</span>
                      <NumberInput value={row.volume} onChange={(volume) => setRow(i, { volume })} aria-label={t('volumeFor', { years: `${row.from}–${row.to}` })} className="w-36" />
                      <span className="text-xs text-slate-500">{t('m3PerYear')}</span>
                    </span>
                  )}
                </td>
                <td className="num py-2 text-right text-xs text-slate-600">
                  {period ? `${formatAmount(period.lowerBound, lang, { unit: version.unit, scale: readerUnit })} – ${period.upperBound === null ? '—' : formatAmount(period.upperBound, lang, { unit: version.unit, scale: readerUnit })}` : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.length > 0 ? (
        <p className="text-sm text-red-800" role="alert">
          {t('notNumbers', { fields: problems.join(', ') })}
        </p>
      ) : (
        check && <Distance check={check} unit={version.unit} lang={lang} />
      )}
      <div className="flex flex-wrap gap-4 text-sm">
        <Field label={t('validUntilLabel')} error={validity.formState.errors.validUntil?.message}>
          <Input type="date" min={inDays(1)} testId="offer-valid-until" {...validity.register('validUntil')} />
        </Field>
      </div>
      <section className="space-y-2 text-sm">
        <Checkbox className="gap-2 font-medium" checked={Boolean(draft.terms)} onChange={(e) => onChange({ ...draft, terms: e.target.checked ? blankTerms() : null })} testId="offer-has-terms" label={t('termsTitle')} />
        <p className="text-slate-600">{t('termsHint')}</p>
        {draft.terms && <TermsEditor value={draft.terms} onChange={(terms) => onChange({ ...draft, terms })} scheduled={scheduledForTerms} />}
        {termsProblem && <p className="text-red-800">{termsProblem}</p>}
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <Button size="lg" disabled={busy || problems.length > 0 || Boolean(termsProblem)} onClick={validity.handleSubmit(() => send())} testId="send-offer">
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
