'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { ToggleGroup } from '@/components/ui/toggle-group';
import { locales, type AppLocale } from '@/lib/domain/locale';

/** `chooseLocale`: the server action that remembers the choice (app/actions/locale.ts), passed in by the page so that components stay below app/. */
export function LanguageSwitcher({ chooseLocale }: { chooseLocale: (locale: AppLocale) => Promise<{ ok: boolean }> }) {
  const t = useTranslations('language');
  const tNav = useTranslations('nav');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <ToggleGroup
      label={tNav('language')}
      value={current as AppLocale}
      disabled={pending}
      options={locales.map((locale) => ({ value: locale, label: t(locale), lang: locale === 'zh' ? 'zh-CN' : 'en' }))}
      onChange={(locale) =>
        startTransition(async () => {
          await chooseLocale(locale);
          router.refresh();
        })
      }
    />
  );
}
