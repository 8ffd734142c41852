'use client';

import { useTranslations } from 'next-intl';
import { Money } from '@/components/ui/money';
import { useProblemText } from '@/components/ui/use-problem-text';
import { useReaderUnit } from '@/components/reader-unit';
import type { OfferTermsView } from '@/lib/contracts/offers';
import { formatRange } from '@/lib/engine/years';

/**
 * Payment terms read, not edited: years and unit, every formula, the constants, the indicators
 * and the back-test the sender ran (what each year would have paid, or what was missing).
 */
export function TermsView({ terms, testId }: { terms: OfferTermsView; testId?: string }) {
  const t = useTranslations('terms');
  const say = useProblemText().message;
  const scale = useReaderUnit();
  const constants = Object.entries(terms.constants);
  const indicators = Object.entries(terms.indicators);
  const backTest = terms.backTest;
  // Years nobody measured would only repeat "missing": they are counted, not listed.
  const measured = backTest ? backTest.settlement.years.filter((y) => Object.hasOwn(backTest.monitoring, String(y.year))) : [];
  const unmeasured = backTest ? backTest.settlement.years.length - measured.length : 0;
  return (
    <div className="space-y-3 text-sm" data-testid={testId}>
      <p>
        <span className="font-medium">{terms.name}</span> · {t('viewYears', { years: formatRange(terms) })} · {t('viewUnit', { unit: terms.unit, currency: terms.currency })}
      </p>
      <div>
        <h4 className="font-medium text-slate-700">{t('formulas')}</h4>
        <ol className="mt-1 space-y-0.5 font-mono text-xs" data-testid={testId && `${testId}-formulas`}>
          {terms.formulas.map((f) => (
            <li key={f.name}>
              {f.name} = {f.expr}
            </li>
          ))}
        </ol>
        <p className="mt-1 text-xs text-slate-500">{t('paymentFormulaNote')}</p>
      </div>
      {constants.length > 0 && (
        <div>
          <h4 className="font-medium text-slate-700">{t('constants')}</h4>
          <p className="mt-1 font-mono text-xs" data-testid={testId && `${testId}-constants`}>
            {constants.map(([name, value]) => `${name} = ${value}`).join('; ')}
          </p>
        </div>
      )}
      {indicators.length > 0 && (
        <div>
          <h4 className="font-medium text-slate-700">{t('indicators')}</h4>
          <p className="mt-1 text-xs">{indicators.map(([name, unit]) => `${name} (${unit})`).join('; ')}</p>
        </div>
      )}
      <div>
        <h4 className="font-medium text-slate-700">{t('backTest')}</h4>
        {backTest ? (
          <table className="mt-1 w-full max-w-xl text-right text-xs" data-testid={testId && `${testId}-backtest`}>
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 text-left font-medium">{t('year')}</th>
                <th className="py-1 text-left font-medium">{t('measured')}</th>
                <th className="py-1 font-medium">{t('wouldPay')}</th>
              </tr>
            </thead>
            <tbody>
              {measured.map((y) => (
                <tr key={y.year} className="border-t border-slate-100">
                  <td className="num py-1 text-left">{y.year}</td>
                  <td className="py-1 text-left">
                    {Object.entries(backTest.monitoring[String(y.year)] ?? {})
                      .map(([name, value]) => `${name} ${value}`)
                      .join(', ') || '—'}
                  </td>
                  <td className="py-1">
                    {'payment' in y ? <Money value={y.payment} unit={terms.unit} scale={scale} /> : 'missing' in y ? t('missing', { names: y.missing.join(', ') }) : say(y.error)}
                  </td>
                </tr>
              ))}
            </tbody>
            {unmeasured > 0 && (
              <tfoot>
                <tr>
                  <td colSpan={3} className="py-1 text-left text-slate-500">
                    {t('unmeasuredYears', { count: unmeasured })}
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        ) : (
          <p className="text-slate-600">{t('noBackTest')}</p>
        )}
      </div>
    </div>
  );
}
