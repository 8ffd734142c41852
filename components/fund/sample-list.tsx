'use client';

import { useTranslations } from 'next-intl';
import type { Sample } from '@/lib/contracts/fund';
import { Code } from '@/components/ui/code';
import { formatMeasurement } from '@/lib/domain/format';
import { traceSampleLists } from '@/lib/domain/monitoring';

/** A censored result ("<0.01") as the lab wrote it, a measured one as the page writes decimals. */
const shown = (value: string) => (/^[<＜]/.test(value) ? value : formatMeasurement(value));

/**
 * Dated samples, folded: the summary says how many (`meanOf`: that the figure above is their
 * mean), opening it lists each date and value (decision 0097).
 */
export function SampleList({ samples, meanOf = false, testId }: { samples: readonly Sample[]; meanOf?: boolean; testId?: string }) {
  const t = useTranslations('fund');
  return (
    <details className="text-xs text-slate-600" data-testid={testId}>
      <summary className="cursor-pointer">{t(meanOf ? 'monitoring.samples.meanOf' : 'monitoring.samples.count', { count: samples.length })}</summary>
      <ol className="num mt-1 grid grid-cols-[auto_auto] gap-x-3">
        {samples.map((sample) => (
          <li key={sample.on} className="contents">
            <span>{sample.on}</span>
            <span className="text-right">{shown(sample.value)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A sample's mark in a share: whether it met the bound. */
const meetsMark = (meets: boolean | null) => (meets === null ? '' : meets ? ' ✓' : ' ✗');

/**
 * The samples behind a step of the settlement's trace: per aggregate the step read, the aggregate
 * and its value, then each sample as written, what it counted as where that differs, and for a
 * share whether it met the bound. Nothing when the step has no samples.
 */
export function TraceSamplesList({ samples, indicatorName, testId }: { samples: unknown; indicatorName: (name: string) => string; testId?: string }) {
  const t = useTranslations('fund');
  const lists = traceSampleLists(samples);
  if (!lists.length) return null;
  return (
    <div className="mt-1 space-y-1 pl-4" data-testid={testId}>
      {lists.map((list, index) => (
        <details key={index} className="font-sans text-xs text-slate-600">
          <summary className="cursor-pointer">
            {list.aggregate && list.indicator ? (
              <>
                <Code>{`${list.aggregate}(${list.condition ? `${list.indicator} ${list.condition.op} ${list.condition.bound}` : list.indicator})`}</Code>
                {list.value !== null && ` = ${shown(list.value)}`} · {t('settlements.samplesOf', { indicator: indicatorName(list.indicator) })}
              </>
            ) : list.indicator ? (
              t('settlements.samplesOf', { indicator: indicatorName(list.indicator) })
            ) : (
              t('settlements.stepSamples')
            )}{' '}
            · {t('monitoring.samples.count', { count: list.samples.length })}
          </summary>
          <ol className="num mt-1 grid grid-cols-[auto_auto] gap-x-3">
            {list.samples.map((sample, i) => (
              <li key={`${sample.on}-${i}`} className="contents">
                <span>{sample.on}</span>
                <span className="text-right">
                  {shown(sample.value)}
                  {sample.counted !== null && sample.counted !== sample.value && ` → ${shown(sample.counted)}`}
                  {meetsMark(sample.meets)}
                </span>
              </li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}
