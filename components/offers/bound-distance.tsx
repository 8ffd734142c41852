'use client';

import { useTranslations } from 'next-intl';
import { Notice } from '@/components/ui/notice';
import { formatAmount } from '@/lib/domain/format';
import { D } from '@/lib/engine/decimal';
import { boundDistance, type BoundCheck } from '@/lib/engine/negotiation';
import { yearRuns } from '@/lib/engine/spans';
import { formatRange } from '@/lib/engine/years';
import { useReaderUnit } from '@/components/reader-unit';
import type { Lang } from './offer-draft';

/** How far an offer is from both bounds, as the other side will read it. */
export function Distance({ check, unit, lang }: { check: BoundCheck; unit: string; lang: Lang }) {
  const t = useTranslations('offers');
  const scale = useReaderUnit();
  const money = (v: string) => formatAmount(v, lang, { unit, scale });
  const { offered, lowerBound, upperBound } = check.totals;
  const { aboveLower, belowUpper } = boundDistance(D(offered), D(lowerBound), upperBound === null ? null : D(upperBound));
  return (
    <div className="space-y-1 text-sm" data-testid="bound-check">
      <p>
        {t('totalOffered', { amount: money(offered) })} · {t('lowerTotal', { amount: money(lowerBound) })} · {upperBound === null ? t('noUpper') : t('upperTotal', { amount: money(upperBound) })}
      </p>
      <p className="text-slate-600">
        {aboveLower.isNegative() ? t('belowLowerBy', { amount: money(aboveLower.negated().toFixed()) }) : t('aboveLowerBy', { amount: money(aboveLower.toFixed()) })}
        {belowUpper !== null && ` · ${belowUpper.isNegative() ? t('aboveUpperBy', { amount: money(belowUpper.negated().toFixed()) }) : t('belowUpperBy', { amount: money(belowUpper.toFixed()) })}`}
      </p>
      {check.belowLowerYears.length > 0 && (
        <Notice tone="warning" testId="flag-below">
          {t('flagBelow', { years: ranges(check.belowLowerYears) })}
        </Notice>
      )}
      {check.aboveUpperYears.length > 0 && (
        <Notice tone="warning" testId="flag-above">
          {t('flagAbove', { years: ranges(check.aboveUpperYears) })}
        </Notice>
      )}
    </div>
  );
}

/** 2003, 2004, 2005, 2010 → "2003–2005, 2010". */
const ranges = (years: number[]): string => yearRuns(years).map(formatRange).join(', ');
