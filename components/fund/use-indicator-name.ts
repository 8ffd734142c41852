'use client';

import { useTranslations } from 'next-intl';

/**
 * An indicator as readers know it: the catalogue's name for the codes the demo and common terms use
 * (codmn is 高锰酸盐指数), the code as the terms declare it otherwise, since a deal may name its own.
 */
export function useIndicatorName(): (code: string) => string {
  const t = useTranslations('fund');
  return (code) => (t.has(`indicatorName.${code}`) ? t(`indicatorName.${code}`) : code);
}
