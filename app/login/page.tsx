import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { LanguageSwitcher } from '@/components/language-switcher';
import { LoginForm } from '@/components/login-form';
import { safeDestination } from '@/lib/domain/safe-destination';
import { chooseLocale, settleLocaleAfterSignIn } from '@/app/actions/locale';
import { currentActor } from '@/lib/server/auth/current-actor';
import { demoAccounts, demoPassword } from '@/lib/seed/demo-accounts';
import { Notice } from '@/components/ui/notice';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string }> }) {
  if (await currentActor()) redirect('/deals');
  const { callbackUrl, error } = await searchParams;
  const t = await getTranslations();
  const demo = process.env.PES_DEMO === '1';
  return (
    <main className="mx-auto flex min-h-screen max-w-5xl flex-col gap-10 px-6 py-12 md:flex-row md:items-start">
      <section className="md:w-1/2">
        <div className="mb-6 flex justify-end md:justify-start">
          <LanguageSwitcher chooseLocale={chooseLocale} />
        </div>
        <h1 className="text-3xl font-semibold text-water-900">{t('app.name')}</h1>
        <p className="mt-4 text-slate-600">{t('app.tagline')}</p>
        {demo && (
          <Notice tone="brand" size="lg" role={undefined} className="mt-8">
            <h2 className="font-medium text-water-900">{t('login.demoTitle')}</h2>
            <p className="mt-1 text-slate-600">{t('login.demoHint', { password: demoPassword })}</p>
            <ul className="mt-3 space-y-1">
              {demoAccounts.map((account) => (
                <li key={account.email} className="font-mono text-slate-800">
                  {account.email} <span className="font-sans text-slate-500">· {t(`role.${account.role}`)}</span>
                </li>
              ))}
            </ul>
          </Notice>
        )}
      </section>
      <section className="w-full rounded-xl border border-slate-200 bg-white p-8 shadow-sm md:w-1/2">
        <h2 className="mb-6 text-xl font-semibold">{t('login.title')}</h2>
        {error === 'SessionRequired' && <p className="mb-4 text-sm text-amber-800">{t('login.sessionEnded')}</p>}
        <LoginForm callbackUrl={safeDestination(callbackUrl)} settleLocaleAfterSignIn={settleLocaleAfterSignIn} />
      </section>
    </main>
  );
}
