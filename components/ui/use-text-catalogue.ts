'use client';

import { useLocale, useMessages } from 'next-intl';
import { pickNamespaces } from '@/lib/domain/client-messages';
import { provideCatalogue } from '@/lib/domain/local-text';
import { isLocale, type AppLocale } from '@/lib/domain/locale';
import type { TextNamespace } from '@/lib/domain/text-catalogue';

/**
 * The page's language, with the server's messages of these namespaces ready to render in it
 * (lib/domain/local-text.ts render): they come from the page's provider, which must send them
 * (tests/unit/client-messages.test.ts reads the namespaces named here), so the browser gets one
 * language of the namespaces it uses instead of the whole catalogue in its JavaScript.
 */
export function useTextCatalogue(namespaces: readonly TextNamespace[]): AppLocale {
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  provideCatalogue(lang, pickNamespaces(useMessages(), namespaces));
  return lang;
}
