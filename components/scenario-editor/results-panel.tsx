'use client';

import { Notice } from '@/components/ui/notice';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ToggleGroup } from '@/components/ui/toggle-group';
import dynamic from 'next/dynamic';
import { memo, useCallback, useState } from 'react';
import { formatAmount, type AmountScale } from '@/lib/domain/format';
import type { Dec } from '@/lib/engine/decimal';
import type { ParseOutcome } from '@/lib/engine/schema';
import type { Result } from '@/lib/engine/compute';
import type { Open, Selection } from './explanation';
import { formatPrice } from './model';
import { useProblemText } from '@/components/ui/use-problem-text';
import { scenarioFields } from '@/lib/domain/problem-place';
import { FieldProblem } from '@/components/ui/field-problem';
import { useCellDraftList } from './cells';

// "Why this number" (the engine's explain() and its drawer) is fetched when a figure is first opened.
const Explanation = dynamic(() => import('./explanation').then((m) => m.Explanation));

/** 'unit' = the scenario's own unit (e.g. thousand CNY); 'wan' / 'yi' = 万元 / 亿元. */
export type ResultScale = 'unit' | Extract<AmountScale, 'wan' | 'yi'>;

export interface ResultsPanelProps {
  /** The engine's verdict on the document being edited. */
  outcome: ParseOutcome;
  /** The document being edited, to name a problem's place by its line item and years. */
  document: unknown;
  /** computeScenario of the valid document (null while it is invalid). */
  result: Result | null;
  locale: 'zh' | 'en';
  /** "thousand CNY" — the scenario's unit in words. */
  unitWord: string;
  /** The currency in words ("CNY", "元"), for the price per m³. */
  currencyWord: string;
}

/**
 * The bargaining zone and payment schedule of the scenario being edited, period
 * by period and year by year, recomputed by the caller on every valid change.
 * Each figure opens "why this number" (the engine's explain()).
 */
export function ResultsPanel({ outcome, document, result, locale, unitWord, currencyWord }: ResultsPanelProps) {
  const t = useTranslations('editor');
  const say = useProblemText();
  // Cells whose text is not in the document: the results are those of the last values that were.
  const invalidDrafts = useCellDraftList().length;
  // Chinese readers choose 千元 / 万元 / 亿元 (default 万元); English readers read the scenario unit with separators.
  const [zhScale, setScale] = useState<ResultScale>('wan');
  const scale: ResultScale = locale === 'zh' ? zhScale : 'unit';
  const [showYears, setShowYears] = useState(false);
  const [selection, setSelection] = useState<Selection | null>(null);
  const open = useCallback<Open>((s) => setSelection(s), []);
  const close = useCallback(() => setSelection(null), []);

  const money = useCallback(
    (v: Dec) => (scale === 'unit' ? formatAmount(v, locale, { withSuffix: false, fractionDigits: 0 }) : formatAmount(v, locale, { unit: result?.unit ?? 1, scale, withSuffix: false })),
    [scale, locale, result?.unit],
  );
  const moneyUnit = scale === 'unit' ? unitWord : t(`scale.${scale}`);

  if (!outcome.ok || !result) {
    const problems = outcome.ok ? [] : outcome.problems;
    return (
      <Notice as="section" tone="error" size="lg" role={undefined} aria-labelledby="results-title" testId="results-panel">
        <h2 id="results-title" className="text-lg font-semibold text-red-900">
          {t('results.invalidTitle')}
        </h2>
        <p className="mt-1 text-sm text-red-800">{t('results.invalidHint', { count: problems.length })}</p>
        <ul className="mt-3 space-y-1 text-sm" data-testid="problem-list">
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`} className="rounded bg-white px-2 py-1">
              <FieldProblem field={say.place(p.path, document, scenarioFields)} message={say.message(p)} fieldClassName="font-medium text-red-900" />
            </li>
          ))}
        </ul>
      </Notice>
    );
  }

  const scenario = outcome.scenario;
  // A version without a cost or subsidy states no lower bound, nor a payment built on it: "—", never 0 (decision 0046).
  const stated = (v: Dec) => (result.lowerBoundStated ? money(v) : null);
  return (
    <section aria-labelledby="results-title" data-testid="results-panel" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-title" className="text-lg font-semibold text-water-900">
          {t('results.title')}
        </h2>
        {locale === 'zh' && (
          <ToggleGroup
            size="sm"
            label={t('scale.label')}
            value={scale}
            onChange={setScale}
            options={(['unit', 'wan', 'yi'] as const).map((s) => ({ value: s, label: s === 'unit' ? unitWord : t(`scale.${s}`) }))}
          />
        )}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {t('results.units', { unit: moneyUnit, priceBase: result.priceBase })} {t('results.clickHint')}
      </p>
      {invalidDrafts > 0 && (
        <Notice tone="warning" role="status" className="mt-2 text-xs">
          {t('results.invalidDrafts', { count: invalidDrafts })}
        </Notice>
      )}

      <table className="mt-3 w-full text-sm" data-testid="results-periods">
        <thead className="text-xs text-slate-600">
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1.5 pr-2 text-left font-medium">
              {t('results.period')}
            </th>
            <th scope="col" className="px-1 py-1.5 text-right font-medium">
              {t('fieldNames.lowerBound')}
            </th>
            <th scope="col" className="px-1 py-1.5 text-right font-medium">
              {t('fieldNames.upperBound')}
            </th>
            <th scope="col" className="px-1 py-1.5 text-right font-medium">
              {t('fieldNames.payment')}
            </th>
            <th scope="col" className="py-1.5 pl-1 text-right font-medium">
              {t('fieldNames.pricePerM3')}
              <span className="block font-normal text-slate-400">{t('results.priceUnit', { currency: currencyWord })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {result.periods.map((p, i) => (
            <tr key={`${p.from}-${p.to}`} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                <span className="block text-xs font-medium text-slate-700">{p.label}</span>
              </th>
              <NumberButton value={stated(p.lowerBound)} onClick={() => open({ kind: 'period', index: i, field: 'lowerBound' })} />
              <NumberButton value={p.upperBound === null ? null : money(p.upperBound)} onClick={() => open({ kind: 'period', index: i, field: 'upperBound' })} />
              <NumberButton value={stated(p.payment)} strong onClick={() => open({ kind: 'period', index: i, field: 'payment' })} />
              <NumberButton value={p.pricePerM3 === null ? null : formatPrice(p.pricePerM3, locale)} onClick={() => open({ kind: 'period', index: i, field: 'pricePerM3' })} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-slate-500">{t('results.periodNote')}</p>
      {!result.lowerBoundStated && (
        <p className="mt-1 text-xs text-slate-600" data-testid="lower-not-stated">
          {t('results.lowerNotStated')}
        </p>
      )}

      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
        <Figure
          label={t('fieldNames.backPayAnnuity')}
          value={stated(result.backPayAnnuity)}
          unit={moneyUnit}
          onClick={() => open({ kind: 'year', year: result.backPay.catchUpYears?.from ?? result.paymentStartYear, field: 'backPayAnnuity' })}
        />
        <Figure label={t('results.totalLowerBound')} value={stated(result.totals.lowerBound)} unit={moneyUnit} />
        <Figure label={t('results.totalPayment')} value={stated(result.totals.payment)} unit={moneyUnit} />
        <Figure label={t('results.catchUp')} value={result.backPay.catchUpYears ? `${result.backPay.catchUpYears.from}–${result.backPay.catchUpYears.to}` : t('results.none')} />
      </dl>

      <Button intent="link" onClick={() => setShowYears((v) => !v)} aria-expanded={showYears} className="mt-4 font-medium">
        {showYears ? '▾' : '▸'} {t('results.byYear', { count: result.years.length })}
      </Button>
      {showYears && (
        <div className="mt-2 max-h-[28rem] overflow-y-auto rounded border border-slate-200">
          <table className="w-full text-sm" data-testid="results-years">
            <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-2 py-1.5 text-left font-medium">
                  {t('results.year')}
                </th>
                <th scope="col" className="px-1 py-1.5 text-right font-medium">
                  {t('fieldNames.lowerBound')}
                </th>
                <th scope="col" className="px-1 py-1.5 text-right font-medium">
                  {t('fieldNames.upperBound')}
                </th>
                <th scope="col" className="px-1 py-1.5 text-right font-medium">
                  {t('fieldNames.payment')}
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  {t('fieldNames.pricePerM3')}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.years.map((y) => (
                <YearRow
                  key={y.year}
                  year={y.year}
                  lower={stated(y.lowerBound)}
                  upper={y.upperBound === null ? null : money(y.upperBound)}
                  payment={stated(y.payment)}
                  price={y.pricePerM3 === null ? null : formatPrice(y.pricePerM3, locale)}
                  backPay={!y.backPay.isZero()}
                  beforePayments={y.year < result.paymentStartYear}
                  open={open}
                  annuityNote={t('results.withAnnuity')}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selection && <Explanation selection={selection} scenario={scenario} result={result} locale={locale} money={money} moneyUnit={moneyUnit} currencyWord={currencyWord} open={open} close={close} />}
    </section>
  );
}

function NumberButton({ value, onClick, strong }: { value: string | null; onClick: () => void; strong?: boolean }) {
  const t = useTranslations('editor');
  return (
    <td className="px-1 py-1 text-right">
      {value === null ? (
        <span className="text-slate-400" title={t('results.notGiven')}>
          —
        </span>
      ) : (
        <Button intent="trace" size="figure" onClick={onClick} className={`num text-right ${strong ? 'font-semibold text-water-900' : ''}`}>
          {value}
        </Button>
      )}
    </td>
  );
}

function Figure({ label, value, unit, onClick }: { label: string; value: string | null; unit?: string; onClick?: () => void }) {
  const t = useTranslations('editor');
  if (value === null) {
    return (
      <div className="rounded bg-slate-50 px-2 py-1.5">
        <dt className="text-xs text-slate-500">{label}</dt>
        <dd className="num font-medium text-slate-400" title={t('results.lowerNotStated')}>
          —
        </dd>
      </div>
    );
  }
  return (
    <div className="rounded bg-slate-50 px-2 py-1.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="num font-medium">
        {onClick ? (
          <Button intent="trace" size="figure" onClick={onClick}>
            {value}
          </Button>
        ) : (
          value
        )}
        {unit && <span className="ml-1 text-xs font-normal text-slate-500">{unit}</span>}
      </dd>
    </div>
  );
}

const YearRow = memo(function YearRow(props: {
  year: number;
  lower: string | null;
  upper: string | null;
  payment: string | null;
  price: string | null;
  backPay: boolean;
  beforePayments: boolean;
  open: Open;
  annuityNote: string;
}) {
  const { year, open } = props;
  return (
    <tr className={`border-t border-slate-100 ${props.beforePayments ? 'text-slate-500' : ''}`}>
      <th scope="row" className="num px-2 py-1 text-left font-normal">
        {year}
        {props.backPay && (
          <Badge size="mark" tone="warning" title={props.annuityNote} className="ml-1">
            +
          </Badge>
        )}
      </th>
      <NumberButton value={props.lower} onClick={() => open({ kind: 'year', year, field: 'lowerBound' })} />
      <NumberButton value={props.upper} onClick={() => open({ kind: 'year', year, field: 'upperBound' })} />
      <NumberButton value={props.payment} strong onClick={() => open({ kind: 'year', year, field: 'payment' })} />
      <NumberButton value={props.price} onClick={() => open({ kind: 'year', year, field: 'pricePerM3' })} />
    </tr>
  );
});
