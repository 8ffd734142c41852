'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code';
import { useProblemText } from '@/components/ui/use-problem-text';
import { D, type Dec } from '@/lib/engine/decimal';
import { explainResult, type ExplainField, type ExplainInput } from '@/lib/engine/explain';
import type { Scenario } from '@/lib/engine/schema';
import type { Result } from '@/lib/engine/compute';
import { explainPeriod, formatPrice, type PeriodField } from './model';

// The drawer of results-panel.tsx, fetched when a figure is first opened.

export type Selection = { kind: 'year'; year: number; field: ExplainField } | { kind: 'period'; index: number; field: PeriodField };
export type Open = (s: Selection) => void;

/** Which related figures an explanation offers to open next. */
const RELATED: Partial<Record<ExplainField, ExplainField[]>> = {
  lowerBound: ['directCost', 'opportunityCost', 'subsidies', 'internalEffect'],
  payment: ['lowerBound', 'backPayAnnuity'],
  pricePerM3: ['payment'],
  upperBound: ['suggestedPayment', 'feasible'],
  suggestedPayment: ['lowerBound', 'upperBound'],
};

const MONEY_FIELDS: readonly string[] = ['directCost', 'opportunityCost', 'subsidies', 'internalEffect', 'lowerBound', 'upperBound', 'payment', 'suggestedPayment', 'backPayAnnuity'];

/** "Why this number": a side panel with the formula, the numbers put in, and the inputs. */
export function Explanation({
  selection,
  scenario,
  result,
  locale,
  money,
  moneyUnit,
  currencyWord,
  open,
  close,
}: {
  selection: Selection;
  scenario: Scenario;
  result: Result;
  locale: 'zh' | 'en';
  money: (v: Dec) => string;
  moneyUnit: string;
  currencyWord: string;
  open: Open;
  close: () => void;
}) {
  const t = useTranslations('editor');
  const say = useProblemText();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  // Recomputed with the result, so an open explanation follows the typing.
  const content = useMemo(() => {
    if (selection.kind === 'period') {
      const e = explainPeriod(result, selection.index, selection.field);
      const p = result.periods[selection.index];
      return e && p
        ? {
            title: `${t(`fieldNames.${selection.field}`)} · ${p.label}`,
            formula: say.message(e.formula),
            substituted: say.message(e.substituted),
            value: e.value,
            inputs: [] as ExplainInput[],
            years: e.years,
            error: null,
          }
        : null;
    }
    const e = explainResult(scenario, result, selection.year, selection.field);
    if (!e.ok) return { title: t(`fieldNames.${selection.field}`), formula: '', substituted: '', value: '', inputs: [], years: [], error: say.message(e.error) };
    return {
      title: `${t(`fieldNames.${selection.field}`)} · ${selection.year}`,
      formula: say.message(e.formula),
      substituted: say.message(e.substituted),
      value: e.value,
      inputs: e.inputs,
      years: [],
      error: null,
    };
  }, [selection, scenario, result, t, say]);

  if (!content) return null;
  const isPrice = selection.field === 'pricePerM3';
  const readable = (v: string) => {
    if (v === 'null' || v === 'true' || v === 'false' || !/^-?\d/.test(v)) return v;
    if (isPrice) return `${formatPrice(v, locale)} ${t('results.priceUnit', { currency: currencyWord })}`;
    return MONEY_FIELDS.includes(selection.field) ? `${money(new D(v))} ${moneyUnit}` : v;
  };
  // An input amount in the unit the page shows (万元 …), others as the engine gives them.
  const inputValue = (input: ExplainInput) => (input.kind === 'amount' && /^-?\d/.test(input.value) ? `${money(new D(input.value))} ${moneyUnit}` : input.value);
  // In a portal: the results column is sticky (its own stacking context), the drawer must cover the page.
  return createPortal(
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="explain-title"
      data-testid="explanation"
      className="fixed inset-y-0 right-0 z-40 flex w-full max-w-xl flex-col border-l border-slate-300 bg-white shadow-2xl"
    >
      <div className="flex items-start justify-between gap-3 border-b border-slate-200 bg-water-50 px-5 py-3">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-500">{t('explain.title')}</p>
          <h3 id="explain-title" className="text-lg font-semibold text-water-900">
            {content.title}
          </h3>
        </div>
        <Button intent="secondary" size="sm" onClick={close}>
          {t('explain.close')}
        </Button>
      </div>
      <div className="flex-1 space-y-4 overflow-y-auto px-5 py-4 text-sm">
        {content.error ? (
          <p className="text-red-800">{content.error}</p>
        ) : (
          <>
            <div>
              <p className="text-xs font-medium text-slate-500">{t('explain.value')}</p>
              <p className="num text-xl font-semibold">{readable(content.value)}</p>
              <p className="num break-all font-mono text-xs text-slate-500">{content.value}</p>
            </div>
            <div>
              <p className="text-xs font-medium text-slate-500">{t('explain.formula')}</p>
              <CodeBlock>{content.formula}</CodeBlock>
            </div>
            <div>
              <p className="text-xs font-medium text-slate-500">{t('explain.substituted')}</p>
              <CodeBlock breakAll>{content.substituted}</CodeBlock>
            </div>
            {content.inputs.length > 0 && (
              <div>
                <p className="text-xs font-medium text-slate-500">{t('explain.inputs')}</p>
                <table className="mt-1 w-full text-xs">
                  <tbody>
                    {content.inputs.map((input, i) => (
                      <tr key={`${input.notation}-${i}`} className="border-t border-slate-100">
                        <td className="py-1 pr-2 text-slate-700">
                          {say.message(input.label)}
                          {input.notation && <span className="ml-1 font-mono text-slate-500">{input.notation}</span>}
                        </td>
                        <td className="num py-1 text-right font-mono" title={input.value}>
                          {inputValue(input)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {selection.kind === 'period' && (
              <div>
                <p className="text-xs font-medium text-slate-500">{t('explain.years')}</p>
                <ul className="mt-1 flex flex-wrap gap-1">
                  {content.years.map((y) => (
                    <li key={y.year}>
                      <Button intent="chip" size="chip" onClick={() => open({ kind: 'year', year: y.year, field: selection.field })}>
                        {y.year}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {selection.kind === 'year' && RELATED[selection.field] && (
              <div>
                <p className="text-xs font-medium text-slate-500">{t('explain.related')}</p>
                <ul className="mt-1 flex flex-wrap gap-1">
                  {RELATED[selection.field]!.map((f) => (
                    <li key={f}>
                      <Button intent="chip" size="chip" onClick={() => open({ kind: 'year', year: selection.year, field: f })}>
                        {t(`fieldNames.${f}`)}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <p className="text-xs text-slate-500">{t('explain.engineNote')}</p>
          </>
        )}
      </div>
    </aside>,
    document.body,
  );
}
