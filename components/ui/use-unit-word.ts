'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

/** "千元" / "thousand yuan" for a scenario's unit and currency, as the editor names them. */
export function useUnitWord() {
  const t = useTranslations('editor');
  return useCallback(
    (unit: string | number, currency: string) => {
      const currencyWord = t.has(`currency.${currency}`) ? t(`currency.${currency}`) : currency;
      return t.has(`units.u${unit}`) ? t(`units.u${unit}`, { currency: currencyWord }) : t('units.other', { unit: String(unit), currency: currencyWord });
    },
    [t],
  );
}
