import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { setLocaleSource } from '@/lib/domain/local-text';
import type { AppLocale } from '@/lib/domain/locale';

// The language of the request being handled, for the messages zod schemas make while parsing
// (lib/domain/local-text.ts `say`): outside a request, and in tests of use cases, English.
const requestLocale = new AsyncLocalStorage<AppLocale>();
setLocaleSource(() => requestLocale.getStore() ?? 'en');

export function inRequestLocale<T>(locale: AppLocale, work: () => T): T {
  return requestLocale.run(locale, work);
}
