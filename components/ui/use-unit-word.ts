'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { unitWord } from './unit-word';

/** "千元" / "thousand yuan" for a scenario's unit and currency, as the editor names them. */
export function useUnitWord() {
  const t = useTranslations('editor');
  return useCallback((unit: string | number, currency: string) => unitWord(t, unit, currency), [t]);
}
