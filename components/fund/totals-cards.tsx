import { useLocale, useTranslations } from 'next-intl';
import type { LedgerView } from '@/lib/contracts/fund';
import { isLocale } from '@/lib/domain/locale';
import { yuan } from './format';

// No 'use client': the fund dashboard renders the cards on the server (its page then loads none of
// the ledger's client code); the ledger panel renders them in the browser.

/** Totals as cards: scheduled, settled, paid, advances, and what is still owed either way. */
export function TotalsCards({ totals, testId }: { totals: LedgerView['totals']; testId?: string }) {
  const t = useTranslations('fund');
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const cards: [string, string, string?][] = [
    ['scheduled', totals.scheduled],
    ['settled', totals.settled],
    ['paid', totals.paid],
    ['advances', totals.advances],
    ['owedToUpstream', totals.owedToUpstream],
    ['owedByUpstream', totals.owedByUpstream],
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid={testId}>
      {cards.map(([key, value]) => (
        <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">{t(`ledger.total.${key}`)}</dt>
          <dd className="num mt-1 font-semibold" data-testid={`${testId ?? 'totals'}-${key}`}>
            {yuan(value, lang)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
