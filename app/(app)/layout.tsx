import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AmountUnitSwitcher } from '@/components/amount-unit-switcher';
import { LanguageSwitcher } from '@/components/language-switcher';
import { ReaderUnitProvider } from '@/components/reader-unit';
import { SignOutButton } from '@/components/sign-out-button';
import { SignOutEverywhereButton } from '@/components/sign-out-everywhere-button';
import { chooseAmountUnit } from '@/app/actions/amount-unit';
import { chooseLocale } from '@/app/actions/locale';
import { currentActor } from '@/lib/server/auth/current-actor';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  const t = await getTranslations();
  const locale = await getLocale();
  const organisation = locale === 'zh' ? actor.organisation.nameZh : actor.organisation.name;
  return (
    <ReaderUnitProvider unit={actor.amountUnit}>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-6 py-3">
            <Link href="/deals" className="text-lg font-semibold text-water-900">
              {t('app.shortName')}
            </Link>
            <nav className="text-sm">
              <Link href="/deals" className="text-water-700 hover:underline">
                {t('nav.deals')}
              </Link>
              {(actor.role === 'FUND_ADMIN' || actor.organisation.kind === 'WATER_FUND') && (
                <Link href="/fund" className="ml-4 text-water-700 hover:underline" data-testid="nav-fund">
                  {t('fund.dashboard.title')}
                </Link>
              )}
            </nav>
            <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
              <span className="text-slate-600" data-testid="signed-in-user">
                {t('nav.signedInAs', { name: actor.name })} · {organisation} · {t(`role.${actor.role}`)}
              </span>
              <AmountUnitSwitcher chooseAmountUnit={chooseAmountUnit} />
              <LanguageSwitcher chooseLocale={chooseLocale} />
              <SignOutButton />
              <SignOutEverywhereButton />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
      </div>
    </ReaderUnitProvider>
  );
}
