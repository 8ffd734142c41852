'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { useIndicatorName } from '@/components/fund/use-indicator-name';

/** What a back-test year lacks, in the reader's words: indicators by name, `scheduled` as the scheduled payment. */
export function useMissingNames(): (names: readonly string[]) => string {
  const t = useTranslations('terms');
  const indicatorName = useIndicatorName();
  return useCallback((names: readonly string[]) => names.map((name) => (name === 'scheduled' ? t('missingScheduled') : indicatorName(name))).join(t('missingSeparator')), [t, indicatorName]);
}
