'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Money } from '@/components/ui/money';
import { useReaderUnit } from '@/components/reader-unit';
import { groupDigits } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import type { ScheduleEntry } from '@/lib/domain/offer-schedule';
import { lineInCurrency, scheduleTotal } from '@/lib/engine/negotiation';
import { formatRange } from '@/lib/engine/years';

/**
 * An offer's schedule as its reader checks it: each line's years, how it is paid (a price per m³
 * shows the price, the volume in m³ and the amount they make), the amount per year and over its
 * years, and the whole schedule's total.
 */
export function ScheduleTable({ schedule, unit, testId }: { schedule: readonly ScheduleEntry[]; unit: string; testId?: string }) {
  const t = useTranslations('offers');
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const scale = useReaderUnit();
  return (
    <table className="w-full max-w-3xl text-right text-sm" data-testid={testId}>
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 text-left font-medium">{t('years')}</th>
          <th className="py-1 text-left font-medium">{t('basis')}</th>
          <th className="py-1 font-medium">{t('perYear')}</th>
          <th className="py-1 font-medium">{t('overYears')}</th>
        </tr>
      </thead>
      <tbody>
        {schedule.map((e, i) => {
          const perYear = lineInCurrency(e, unit);
          return (
            <tr key={i} className="border-t border-slate-100">
              <td className="num py-1 pr-2 text-left whitespace-nowrap">{formatRange(e)}</td>
              <td className="py-1 text-left text-slate-600">{'amount' in e ? t('basisAmount') : t('basisPrice', { price: groupDigits(e.pricePerM3, lang), volume: groupDigits(e.volume, lang) })}</td>
              <td className="py-1 pl-2 whitespace-nowrap">
                <Money value={perYear} scale={scale} />
              </td>
              <td className="py-1 pl-2 whitespace-nowrap">
                <Money value={perYear.times(e.to - e.from + 1)} scale={scale} />
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-300 font-medium">
          <td className="py-1 text-left" colSpan={3}>
            {t('scheduleTotal')}
          </td>
          <td className="py-1 pl-2 whitespace-nowrap" data-testid={testId && `${testId}-total`}>
            <Money value={scheduleTotal(schedule, unit)} scale={scale} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
