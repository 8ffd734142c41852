'use client';

import { useLocale } from 'next-intl';
import { messageIn } from '@/lib/domain/engine-message';
import { isLocale } from '@/lib/domain/locale';
import type { Message } from '@/lib/engine/problem';

/** What an engine says (a code with its parameters) in the page's language. */
export function useCodedMessage(): (what: Message) => string {
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  return (what) => messageIn(what, lang);
}
