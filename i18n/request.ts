import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import '@/lib/domain/catalogue';
import { defaultLocale, isLocale, localeCookie, type AppLocale } from '@/lib/domain/locale';

// No locale in the URL: a deal link must open the same page for a Chinese and an English
// reader. The locale comes from the cookie (set at sign-in from the user's profile, or by the
// switcher), then the browser's Accept-Language, then Chinese.
async function requestLocale(): Promise<AppLocale> {
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const accept = (await headers()).get('accept-language') ?? '';
  return /^en\b/i.test(accept.trim()) ? 'en' : defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: 'Asia/Shanghai',
  };
});
