'use client';

import { useTranslations } from 'next-intl';
import { MeasurementText } from './measurement-text';
import { useMissingNames } from './use-missing-names';
import { Code, codeTag } from '@/components/ui/code';
import { DataTable } from '@/components/ui/data-table';
import { Money } from '@/components/ui/money';
import { useProblemText } from '@/components/ui/use-problem-text';
import { useReaderUnit } from '@/components/reader-unit';
import type { OfferTermsView } from '@/lib/contracts/offers';
import { formatRange } from '@/lib/engine/years';
import { termsWords } from '@/lib/domain/terms-words';

/**
 * Payment terms read, not edited: years and unit, every formula, the constants, the indicators
 * and the back-test the sender ran (what each year would have paid, or what was missing).
 */
export function TermsView({ terms, testId }: { terms: OfferTermsView; testId?: string }) {
  const t = useTranslations('terms');
  const say = useProblemText().message;
  const missingNames = useMissingNames();
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
        <ol className="mt-1 space-y-0.5 text-xs" data-testid={testId && `${testId}-formulas`}>
          {terms.formulas.map((f) => (
            <li key={f.name}>
              <Code>
                {f.name} = {f.expr}
              </Code>
            </li>
          ))}
        </ol>
        <p className="mt-1 text-xs text-slate-500">{t.rich('paymentFormulaNote', { ...codeTag, ...termsWords })}</p>
      </div>
      {constants.length > 0 && (
        <div>
          <h4 className="font-medium text-slate-700">{t('constants')}</h4>
          <p className="mt-1 text-xs" data-testid={testId && `${testId}-constants`}>
            <Code>{constants.map(([name, value]) => `${name} = ${value}`).join('; ')}</Code>
          </p>
        </div>
      )}
      {indicators.length > 0 && (
        <div>
          <h4 className="font-medium text-slate-700">{t('indicators')}</h4>
          <p className="mt-1 text-xs">
            {indicators.map(([name, unit], i) => (
              <span key={name}>
                {i > 0 && '; '}
                <Code>{name}</Code> ({unit})
              </span>
            ))}
          </p>
        </div>
      )}
      <div>
        <h4 className="font-medium text-slate-700">{t('backTest')}</h4>
        {backTest ? (
          <div className="mt-1 max-w-xl text-xs">
            <DataTable
              testId={testId && `${testId}-backtest`}
              rowKey={(y) => String(y.year)}
              data={measured}
              columns={[
                { id: 'year', header: t('year'), cell: ({ row }) => <span className="num">{row.original.year}</span> },
                {
                  id: 'measured',
                  header: t('measured'),
                  cell: ({ row }) => {
                    const values = Object.entries(backTest.monitoring[String(row.original.year)] ?? {});
                    return values.length === 0
                      ? '—'
                      : values.map(([name, value], i) => (
                          <span key={name}>
                            {i > 0 && ', '}
                            <Code>{name}</Code> <MeasurementText measured={value} belowLimit={terms.belowLimit[name]} />
                          </span>
                        ));
                  },
                },
                {
                  id: 'wouldPay',
                  header: t('wouldPay'),
                  meta: { numeric: true },
                  cell: ({ row }) => {
                    const y = row.original;
                    return 'payment' in y ? <Money value={y.payment} unit={terms.unit} scale={scale} /> : 'missing' in y ? t('missing', { names: missingNames(y.missing) }) : say(y.error);
                  },
                },
              ]}
            />
            {unmeasured > 0 && <p className="py-1 text-slate-500">{t('unmeasuredYears', { count: unmeasured })}</p>}
          </div>
        ) : (
          <p className="text-slate-600">{t('noBackTest')}</p>
        )}
      </div>
    </div>
  );
}
