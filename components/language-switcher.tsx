'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { chooseLocale } from '@/app/actions/locale';
import { ToggleGroup } from '@/components/ui/toggle-group';
import { locales, type AppLocale } from '@/lib/domain/locale';

export function LanguageSwitcher() {
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
