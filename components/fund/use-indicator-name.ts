'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

/** An indicator by its name in the catalogue (messages namespace `indicator`), else by its code: lib/domain/indicator-name.ts. */
export function useIndicatorName(): (code: string) => string {
  const t = useTranslations('indicator');
  return useCallback((code: string) => (t.has(code) ? t(code) : code), [t]);
}
