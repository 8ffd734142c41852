'use client';

import { useTranslations } from 'next-intl';
import type { Sample, TraceSamples } from '@/lib/contracts/fund';
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

/** The samples behind a step of the settlement's trace, by indicator where the step names several; nothing when the step has none. */
export function TraceSamplesList({ samples, indicatorName, testId }: { samples: TraceSamples | undefined; indicatorName: (name: string) => string; testId?: string }) {
  const t = useTranslations('fund');
  const lists = traceSampleLists(samples);
  if (!lists.length) return null;
  return (
    <div className="mt-1 space-y-1 pl-4 font-sans" data-testid={testId}>
      {lists.map((list) => (
        <div key={list.indicator ?? ''}>
          <span className="text-slate-500">{list.indicator ? t('settlements.samplesOf', { indicator: indicatorName(list.indicator) }) : t('settlements.stepSamples')}</span>
          <SampleList samples={list.samples} />
        </div>
      ))}
    </div>
  );
}
