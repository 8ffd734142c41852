'use client';

import { useTranslations } from 'next-intl';
import { useIndicatorName } from './use-indicator-name';
import { useTextCatalogue } from '@/components/ui/use-text-catalogue';
import { callApi } from '@/components/api-client';
import { NumberField } from '@/components/ui/number-field';
import { useApiForm } from '@/components/ui/use-api-form';
import { useDomainForm } from '@/components/ui/use-domain-form';
import type { MonitoringView } from '@/lib/contracts/fund';
import { ZSetTolerances, type SetTolerancesInput } from '@/lib/domain/fund-schemas';
import { FormOutcome } from './api-form';

/** How far two sides' results may lie apart before they are disputed, per indicator. */
export function TolerancesForm({ dealId, agreementId, view, onDone }: { dealId: string; agreementId: string; view: MonitoringView; onDone: () => void }) {
  const t = useTranslations('fund');
  const indicatorName = useIndicatorName();
  // ZSetTolerances words its refusals with the fund's own checks (parseTolerance): the browser needs them.
  useTextCatalogue(['fundServer']);
  const { control, handleSubmit } = useDomainForm(ZSetTolerances, {
    defaultValues: { tolerances: Object.fromEntries(view.indicators.map((i) => [i.name, { absolute: i.tolerance.absolute ?? '', relative: i.tolerance.relative ?? '' }])) },
  });
  const { busy, failure, done, send } = useApiForm();
  const save = (tolerances: SetTolerancesInput) => send(() => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/tolerances`, { method: 'PUT', json: tolerances }), onDone);
  return (
    <form onSubmit={handleSubmit(save)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="tolerances-form" noValidate>
      <h2 className="font-semibold">{t('monitoring.tolerance.title')}</h2>
      <p className="text-sm text-slate-600">{t('monitoring.tolerance.explain')}</p>
      <div className="space-y-3">
        {view.indicators.map((i) => (
          <fieldset key={i.name} className="grid gap-3 sm:grid-cols-[8rem_16rem_16rem] sm:items-start" data-testid={`tolerance-${i.name}`}>
            <legend className="sr-only">{indicatorName(i.name)}</legend>
            <p className="pt-6 text-sm" aria-hidden>
              {indicatorName(i.name)}
            </p>
            <NumberField control={control} name={`tolerances.${i.name}.absolute`} label={t('monitoring.tolerance.absolute')} hint={i.unit} className="w-32" testId={`tolerance-${i.name}-absolute`} />
            <NumberField control={control} name={`tolerances.${i.name}.relative`} label={t('monitoring.tolerance.relative')} className="w-32" testId={`tolerance-${i.name}-relative`} />
          </fieldset>
        ))}
      </div>
      <FormOutcome busy={busy} saved={Boolean(done)} failure={failure} submit={t('monitoring.tolerance.submit')} testIds={{ problems: 'tolerance-problems' }} />
    </form>
  );
}
