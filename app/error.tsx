'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t('genericTitle')}</h1>
      <p className="mt-3 text-slate-600">{t('generic')}</p>
      <Button size="lg" onClick={reset} className="mt-6">
        {t('retry')}
      </Button>
    </main>
  );
}
