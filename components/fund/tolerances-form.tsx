'use client';

import { useTranslations } from 'next-intl';
import { useIndicatorName } from './use-indicator-name';
import { useState } from 'react';
import { callApi } from '@/components/api-client';
import { NumberInput } from '@/components/ui/number-input';
import { useApiForm } from '@/components/ui/use-api-form';
import type { MonitoringView } from '@/lib/contracts/fund';
import { FormOutcome } from './api-form';

/** How far two sides' results may lie apart before they are disputed, per indicator. */
export function TolerancesForm({ dealId, agreementId, view, onDone }: { dealId: string; agreementId: string; view: MonitoringView; onDone: () => void }) {
  const t = useTranslations('fund');
  const indicatorName = useIndicatorName();
  const [values, setValues] = useState(() => Object.fromEntries(view.indicators.map((i) => [i.name, { absolute: i.tolerance.absolute ?? '', relative: i.tolerance.relative ?? '' }])));
  const { busy, failure, done, onSubmit } = useApiForm();
  return (
    <form onSubmit={onSubmit(() => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/tolerances`, { method: 'PUT', json: { tolerances: values } }), onDone)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="tolerances-form">
      <h2 className="font-semibold">{t('monitoring.tolerance.title')}</h2>
      <p className="text-sm text-slate-600">{t('monitoring.tolerance.explain')}</p>
      <table className="text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1 pr-4 font-medium">{t('monitoring.field.indicator')}</th>
            <th className="py-1 pr-4 font-medium">{t('monitoring.tolerance.absolute')}</th>
            <th className="py-1 font-medium">{t('monitoring.tolerance.relative')}</th>
          </tr>
        </thead>
        <tbody>
          {view.indicators.map((i) => (
            <tr key={i.name}>
              <td className="py-1 pr-4" title={i.name}>{indicatorName(i.name)}</td>
              <td className="py-1 pr-4">
                <NumberInput className="w-28" value={values[i.name]?.absolute ?? ''} onChange={(absolute) => setValues({ ...values, [i.name]: { ...values[i.name]!, absolute } })} aria-label={`${indicatorName(i.name)} ${t('monitoring.tolerance.absolute')}`} />{' '}
                <span className="text-xs text-slate-500">{i.unit}</span>
              </td>
              <td className="py-1">
                <NumberInput className="w-28" value={values[i.name]?.relative ?? ''} onChange={(relative) => setValues({ ...values, [i.name]: { ...values[i.name]!, relative } })} aria-label={`${i.name} ${t('monitoring.tolerance.relative')}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormOutcome busy={busy} saved={Boolean(done)} failure={failure} submit={t('monitoring.tolerance.submit')} testIds={{ problems: 'tolerance-problems' }} />
    </form>
  );
}
