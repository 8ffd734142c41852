'use client';

import { useLocale } from 'next-intl';
import { engineMessageIn } from '@/lib/domain/engine-text';
import { isLocale } from '@/lib/domain/locale';

/** An engine's problem message (lib/engine, lib/terms, English) in the page's language. */
export function useEngineMessage(): (message: string) => string {
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  return (message) => engineMessageIn(message, lang);
}
