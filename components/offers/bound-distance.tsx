'use client';

import { useTranslations } from 'next-intl';
import { Money } from '@/components/ui/money';
import { Notice } from '@/components/ui/notice';
import { D } from '@/lib/engine/decimal';
import { boundDistance } from '@/lib/engine/negotiation';
import type { StoredOfferCheck } from '@/lib/engine/offer-schedule';
import { yearRuns } from '@/lib/engine/spans';
import { formatRange } from '@/lib/engine/years';
import { useReaderUnit } from '@/components/reader-unit';

/**
 * Where an offer stands against the pair, as the other side will read it: totals against both
 * bounds, the whole term in present value against the model, and the years deferred to the
 * catch-up, below the lower bound or above the upper bound.
 */
export function Distance({ check, unit }: { check: StoredOfferCheck; unit: string }) {
  const t = useTranslations('offers');
  const scale = useReaderUnit();
  const money = (v: string) => <Money value={v} unit={unit} scale={scale} />;
  const { offered, lowerBound, upperBound } = check.totals;
  const { aboveLower, belowUpper } = boundDistance(D(offered), D(lowerBound), upperBound === null ? null : D(upperBound));
  const pv = check.presentValue;
  return (
    <div className="space-y-1 text-sm" data-testid="bound-check">
      <p>
        {t('totalOffered')} {money(offered)} · {t('lowerTotal')} {money(lowerBound)} ·{' '}
        {upperBound === null ? (
          t('noUpper')
        ) : (
          <>
            {t('upperTotal')} {money(upperBound)}
          </>
        )}
      </p>
      <p className="text-slate-600">
        {aboveLower.isNegative() ? t('belowLowerBy') : t('aboveLowerBy')} {money(aboveLower.abs().toFixed())}
        {belowUpper !== null && (
          <>
            {' · '}
            {belowUpper.isNegative() ? t('aboveUpperBy') : t('belowUpperBy')} {money(belowUpper.abs().toFixed())}
          </>
        )}
      </p>
      {pv && (
        <p className="text-slate-600" data-testid="present-value">
          {t('presentValue', { year: pv.baseYear, rate: D(pv.rate).times(100).toFixed() })} {money(pv.offered)} · {t('modelPresentValue')} {money(pv.model)} ·{' '}
          {D(pv.aboveModel).isNegative() ? t('belowModelBy') : t('aboveModelBy')} {money(D(pv.aboveModel).abs().toFixed())}
          {pv.belowUpper !== null && D(pv.belowUpper).isNegative() && (
            <>
              {' · '}
              {t('aboveUpperBy')} {money(D(pv.belowUpper).abs().toFixed())}
            </>
          )}
        </p>
      )}
      {check.deferredYears && check.deferredYears.length > 0 && (
        <Notice tone="info" testId="flag-deferred">
          {t('flagDeferred', { years: ranges(check.deferredYears) })}
        </Notice>
      )}
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
