'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import type { Control, UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Problems } from '@/components/ui/problems';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { DealPeriod } from '@/lib/contracts/deals';
import type { ZChangeDealPeriods } from '@/lib/domain/deal-schemas';
import { PeriodFields, type PeriodsForm } from './period-fields';

/**
 * A manager corrects the deal's periods while no scenario has a version (decision 0083); once one
 * has, the form gives way to a sentence saying why. The API decides either way.
 */
export function DealPeriodsForm({ dealId, startYear, endYear, periods, editable }: { dealId: string; startYear: number; endYear: number; periods: readonly DealPeriod[]; editable: boolean }) {
  const t = useTranslations('dealPeriods');
  const router = useRouter();
  const { busy, failure, done, send } = useApiForm();
  // The schema comes when the form is first checked (components/ui/domain-resolver.ts).
  const schema = useMemo(() => lazySchema(() => import('@/lib/domain/deal-schemas').then((m) => m.dealPeriodsFor({ startYear, endYear }))), [startYear, endYear]);
  const { control, register, handleSubmit, getValues } = useDomainForm(schema, { mode: 'onSubmit', defaultValues: { periods: periods.map((p) => ({ ...p })) } });
  const save = (input: z.output<typeof ZChangeDealPeriods>) =>
    send(
      () => callApi(`/api/v1/deals/${dealId}/periods`, { method: 'PUT', json: input }),
      () => router.refresh(),
    );
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="deal-periods-form">
      <h2 className="font-semibold">{t('title')}</h2>
      {editable ? (
        <form className="space-y-2" onSubmit={handleSubmit(save)} noValidate>
          <p className="text-slate-600">{t('explain', { from: startYear, to: endYear })}</p>
          <PeriodFields
            control={control as unknown as Control<PeriodsForm>}
            register={register as unknown as UseFormRegister<PeriodsForm>}
            getPeriods={() => getValues('periods')}
            firstYear={() => startYear}
          />
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3">
            <Button type="submit" disabled={busy} testId="save-deal-periods">
              {t('submit')}
            </Button>
            {done && !failure && (
              <span className="text-green-700" data-testid="deal-periods-saved">
                {t('saved')}
              </span>
            )}
          </div>
          {failure && <Problems failure={failure} />}
        </form>
      ) : (
        <p className="text-slate-600" data-testid="deal-periods-fixed">
          {t('fixed')}
        </p>
      )}
    </section>
  );
}
