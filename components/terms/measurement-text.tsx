'use client';

import { useTranslations } from 'next-intl';
import { isSampleList, type Measurement } from '@/lib/terms/measurement';
import type { BelowLimitRule } from '@/lib/terms/monitoring-rules';
import { measurementFigure } from '@/lib/terms/samples';

/**
 * A year's measurement of one indicator as a reader sees it: the value, or how many samples there
 * are and their annual mean (censored ones counted as the terms' detection-limit rule says), which
 * is what the indicator's bare name means in a formula.
 */
export function MeasurementText({ measured, belowLimit = 'limit' }: { measured: Measurement; belowLimit?: BelowLimitRule }) {
  const t = useTranslations('terms');
  if (!isSampleList(measured)) return <>{measured}</>;
  return <>{t('samplesSummary', { count: measured.length, mean: measurementFigure(measured, { belowLimit }) ?? '—' })}</>;
}
