import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-3 text-slate-600">{t('notFound')}</p>
      <Link href="/deals" className="mt-6 inline-block text-water-700 hover:underline">
        {t('backToDeals')}
      </Link>
    </main>
  );
}
