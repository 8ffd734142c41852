'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { chooseLocale } from '@/app/actions/locale';
import { locales } from '@/lib/domain/locale';

export function LanguageSwitcher() {
  const t = useTranslations('language');
  const tNav = useTranslations('nav');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={tNav('language')} className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale === 'zh' ? 'zh-CN' : 'en'}
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await chooseLocale(locale);
              router.refresh();
            })
          }
          className={`px-3 py-1 ${current === locale ? 'bg-water-700 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'}`}
        >
          {t(locale)}
        </button>
      ))}
    </div>
  );
}
