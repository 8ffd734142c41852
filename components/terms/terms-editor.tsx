'use client';

import { useLocale, useTranslations } from 'next-intl';
import { MeasurementText } from './measurement-text';
import { useMissingNames } from './use-missing-names';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Code, codeTag } from '@/components/ui/code';
import { DataTable } from '@/components/ui/data-table';
import { FileButton, Input, Textarea } from '@/components/ui/input';
import { NumberInput } from '@/components/ui/number-input';
import { Select } from '@/components/ui/select';
import { useMemo, useState, type ReactNode } from 'react';
import { formatAmount } from '@/lib/domain/format';
import type { Problem } from '@/lib/terms/schema';
import type { Monitoring } from '@/lib/terms/settle';
import { isSampleList } from '@/lib/terms/measurement';
import { monitoringRules } from '@/lib/terms/monitoring-rules';
import { isSettled } from '@/lib/terms/settled-year';
import { TERMS_TEMPLATES, templateSample, templateTerms, type TermsDefaults } from '@/lib/terms/templates';
import { blankTerms, termsDocument, type TermsDraft } from './terms-draft';
import { loadTermsCheck, useTermsCheck, type CheckedTerms } from './use-terms-check';
import { useProblemText } from '@/components/ui/use-problem-text';
import { FieldProblem } from '@/components/ui/field-problem';
import { termsFields } from '@/lib/domain/problem-place';
import { termsWords } from '@/lib/domain/terms-words';
import { formatNames } from '@/lib/domain/format-names';

type Lang = 'zh' | 'en';

/**
 * payment-terms/1 as a form: templates for the shapes real agreements use, every formula checked
 * as it is typed (by the terms engine, the same code the server runs), and a back-test on past
 * monitoring data showing what each year would have paid and why.
 */
export function TermsEditor({
  value,
  onChange,
  scheduled,
  defaults,
  initialMonitoring,
  onMonitoringChange,
  checked,
}: {
  value: TermsDraft;
  onChange: (next: TermsDraft) => void;
  scheduled?: Record<string, string>;
  /** The years, unit and currency a template takes (the deal's, or an offer's schedule). */
  defaults?: TermsDefaults;
  /** Back-test data to start from (a counter's, those of the offer it answers). */
  initialMonitoring?: Monitoring;
  /** The monitoring data of the back-test as entered, for who sends the terms with it. */
  onMonitoringChange?: (monitoring: Monitoring) => void;
  /** The first draft (`value`) and back-test data as the server checked them: the page then loads the engine only once the reader edits. */
  checked?: CheckedTerms;
}) {
  const t = useTranslations('terms');
  const problemText = useProblemText();
  const say = problemText.message;
  // A refused field by its label and place ("公式第 2 行，表达式"), not its path.
  const placeOf = (path: string) => problemText.place(path, termsDocument(value), termsFields);
  const lang: Lang = useLocale() === 'en' ? 'en' : 'zh';
  const [monitoring, setMonitoringState] = useState<Monitoring>(() => initialMonitoring ?? checked?.monitoring ?? {});
  const setMonitoring = (next: Monitoring) => {
    setMonitoringState(next);
    onMonitoringChange?.(next);
  };
  const [showJson, setShowJson] = useState(false);
  const [jsonText, setJsonText] = useState('');
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [traceYear, setTraceYear] = useState<number | null>(null);
  const [importProblem, setImportProblem] = useState<string | null>(null);

  const { check, pending } = useTermsCheck(value, monitoring, scheduled, checked);
  const outcome = check?.outcome;
  const problemsAt = (path: string) => (!outcome || outcome.ok ? [] : outcome.problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`)));
  const otherProblems = !outcome || outcome.ok ? [] : outcome.problems.filter((p) => !/^(formulas|constants|indicators)\b/.test(p.path));

  const years = useMemo(() => {
    const [from, to] = [Number(value.from), Number(value.to)];
    return Number.isInteger(from) && Number.isInteger(to) && to >= from && to - from < 200 ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : [];
  }, [value.from, value.to]);
  const indicators = Object.keys(value.indicators);
  const rules = useMemo(() => (outcome?.ok ? monitoringRules(outcome.terms) : {}), [outcome]);

  const backTest = check?.backTest ?? null;
  // A year's outcome in the back-test: its payment (opening its trace), what is missing, or why it failed.
  const missingNames = useMissingNames();
  const wouldPay = (year: number): ReactNode => {
    const row = backTest?.kind === 'settled' ? backTest.settlement.years.find((y) => y.year === year) : undefined;
    if (!row) return '—';
    if (isSettled(row))
      return (
        <Button intent="traceLink" size="sm" onClick={() => setTraceYear(traceYear === year ? null : year)}>
          {formatAmount(row.payment, lang, { unit: Number(value.unit) || 1, scale: 'yuan', fractionDigits: 2 })}
        </Button>
      );
    return 'missing' in row ? <span className="text-amber-800">{t('missing', { names: missingNames(row.missing) })}</span> : <span className="text-red-800">{say(row.error)}</span>;
  };

  const set = (patch: Partial<TermsDraft>) => onChange({ ...value, ...patch });
  const renameKey = (record: Record<string, string>, from: string, to: string) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));

  const loadTemplate = (id: string) => {
    const template = TERMS_TEMPLATES.find((tpl) => tpl.id === id);
    if (!template) return;
    onChange(templateTerms(template.id, lang, defaults));
    setMonitoring(templateSample(template.id, defaults));
    setTraceYear(null);
  };

  const importMonitoring = async (file: File) => {
    setImportProblem(null);
    const text = await file.text();
    if (/\.json$/i.test(file.name)) {
      try {
        setMonitoring(JSON.parse(text) as Monitoring);
      } catch {
        setImportProblem(t('monitoringJson', formatNames));
      }
      return;
    }
    // CSV: a year column ("year", or "年度" as the Chinese help names it), then one column per indicator.
    // The CSV reader is fetched with the first file, not with the page.
    const { default: Papa } = await import('papaparse');
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
    const yearColumn = ['year', '年度'].find((name) => parsed.meta.fields?.includes(name));
    if (parsed.errors.length || !yearColumn) return setImportProblem(t('monitoringCsv', formatNames));
    setMonitoring(
      Object.fromEntries(
        parsed.data.map((row) => [
          String(row[yearColumn]).trim(),
          Object.fromEntries(
            Object.entries(row)
              .filter(([k]) => k !== yearColumn)
              .map(([k, v]) => [k, String(v ?? '').trim()]),
          ),
        ]),
      ),
    );
  };

  return (
    // The engine comes on the first focus or press inside the editor, before the first edit needs it.
    <div className="space-y-5 text-sm" data-testid="terms-editor" aria-busy={pending || undefined} onFocusCapture={loadTermsCheck} onPointerDownCapture={loadTermsCheck}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="grid gap-1">
          <span className="font-medium">{t('template')}</span>
          <Select defaultValue="" onChange={(e) => loadTemplate(e.target.value)} testId="terms-template">
            <option value="" disabled>
              {t('chooseTemplate')}
            </option>
            {TERMS_TEMPLATES.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name[lang]}
              </option>
            ))}
          </Select>
        </label>
        <Button intent="secondary" size="sm" testId="terms-json-toggle" onClick={() => (setShowJson(!showJson), setJsonText(JSON.stringify(termsDocument(value), null, 2)))}>
          {showJson ? t('hideJson', formatNames) : t('showJson', formatNames)}
        </Button>
        {outcome && (
          <Badge tone={outcome.ok ? 'success' : 'danger'} testId="terms-validity">
            {outcome.ok ? t('valid') : t('problems', { count: outcome.problems.length })}
          </Badge>
        )}
      </div>
      {TERMS_TEMPLATES.find((tpl) => tpl.terms.formulas.length === value.formulas.length && tpl.terms.formulas.every((f, i) => f.expr === value.formulas[i]?.expr)) && (
        <p className="text-slate-600">{TERMS_TEMPLATES.find((tpl) => tpl.terms.formulas.every((f, i) => f.expr === value.formulas[i]?.expr))!.summary[lang]}</p>
      )}

      {showJson && (
        <div className="space-y-1">
          <Textarea value={jsonText} onChange={(e) => setJsonText(e.target.value)} rows={10} className="w-full font-mono text-xs" testId="terms-json" />
          <Button
            size="sm"
            onClick={() => {
              try {
                const doc = JSON.parse(jsonText) as TermsDraft;
                setJsonProblem(null);
                onChange({ ...blankTerms(), ...doc });
              } catch {
                setJsonProblem(t('notJson', formatNames));
              }
            }}
          >
            {t('useJson', formatNames)}
          </Button>
          {jsonProblem && <p className="text-red-800">{jsonProblem}</p>}
        </div>
      )}

      <div className="grid gap-3 md:grid-cols-5">
        <label className="grid gap-1 md:col-span-2">
          <span>{t('name')}</span>
          <Input value={value.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label className="grid gap-1">
          <span>{t('currencyUnit')}</span>
          <span className="flex gap-1">
            <Input value={value.currency} onChange={(e) => set({ currency: e.target.value })} className="w-16" aria-label={t('currency')} />
            <NumberInput value={String(value.unit)} onChange={(unit) => set({ unit })} className="w-24 text-left" aria-label={t('unit')} />
          </span>
        </label>
        <label className="grid gap-1">
          <span>{t('from')}</span>
          <NumberInput value={String(value.from)} onChange={(from) => set({ from })} className="w-24 text-left" />
        </label>
        <label className="grid gap-1">
          <span>{t('to')}</span>
          <NumberInput value={String(value.to)} onChange={(to) => set({ to })} className="w-24 text-left" />
        </label>
      </div>
      {otherProblems.length > 0 && (
        <ul className="list-disc pl-5 text-red-800" role="alert">
          {otherProblems.map((p, i) => (
            <li key={i}>
              <FieldProblem field={placeOf(p.path)} message={say(p)} fieldClassName="font-medium" />
            </li>
          ))}
        </ul>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <NamedValues
          title={t('constants')}
          hint={t('constantsHint')}
          record={value.constants}
          valueLabel={t('value')}
          problems={problemsAt('constants')}
          onChange={(constants) => set({ constants })}
          rename={renameKey}
          place={placeOf}
          testId="terms-constants"
        />
        <NamedValues
          title={t('indicators')}
          hint={t('indicatorsHint')}
          record={value.indicators}
          valueLabel={t('measureUnit')}
          problems={problemsAt('indicators')}
          onChange={(next) => set({ indicators: next })}
          rename={renameKey}
          place={placeOf}
          testId="terms-indicators"
        />
      </div>

      <section className="space-y-2">
        <h4 className="font-semibold">{t('formulas')}</h4>
        <p className="text-slate-600">{t.rich('formulasHint', { ...codeTag, ...termsWords })}</p>
        <ol className="space-y-2">
          {value.formulas.map((formula, i) => {
            const problems = problemsAt(`formulas[${i}]`);
            return (
              <li key={i} className="space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Input
                    value={formula.name}
                    onChange={(e) => set({ formulas: value.formulas.map((f, j) => (j === i ? { ...f, name: e.target.value } : f)) })}
                    className="w-32 font-mono"
                    aria-label={t('formulaName', { n: i + 1 })}
                  />
                  <span>=</span>
                  <Input
                    value={formula.expr}
                    onChange={(e) => set({ formulas: value.formulas.map((f, j) => (j === i ? { ...f, expr: e.target.value } : f)) })}
                    className="min-w-64 flex-1 font-mono"
                    aria-label={t('formulaExpr', { n: i + 1 })}
                    aria-invalid={problems.length > 0 || undefined}
                    testId={`terms-formula-${i}`}
                  />
                  <Button intent="icon" size="icon" disabled={i === 0} onClick={() => set({ formulas: swap(value.formulas, i, i - 1) })} aria-label={t('moveUp')}>
                    ↑
                  </Button>
                  <Button intent="iconDanger" size="icon" onClick={() => set({ formulas: value.formulas.filter((_, j) => j !== i) })} aria-label={t('removeFormula')}>
                    ✕
                  </Button>
                </div>
                {problems.map((p, k) => (
                  <p key={k} className="text-xs text-red-800" role="alert">
                    {say(p)}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
        <Button intent="secondary" size="sm" onClick={() => set({ formulas: [...value.formulas, { name: `f${value.formulas.length + 1}`, expr: '' }] })}>
          + {t('addFormula')}
        </Button>
      </section>

      <section className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3" aria-labelledby="backtest-title">
        <h4 id="backtest-title" className="font-semibold">
          {t('backTest')}
        </h4>
        <p className="text-slate-600">{t('backTestHint', formatNames)}</p>
        <FileButton
          size="sm"
          label={t('importMonitoring', formatNames)}
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => e.target.files?.[0] && void importMonitoring(e.target.files[0])}
          testId="monitoring-file"
        />
        {importProblem && <p className="text-red-800">{importProblem}</p>}
        {years.length === 0 ? (
          <p className="text-slate-600">{t('noYears')}</p>
        ) : (
          <DataTable
            testId="backtest"
            className="max-w-fit"
            rowKey={(year) => String(year)}
            data={years}
            columns={[
              { id: 'year', header: t('year'), cell: ({ row }) => <span className="num font-medium">{row.original}</span> },
              ...indicators.map((name) => ({
                id: `indicator-${name}`,
                header: () => (
                  <>
                    <Code>{name}</Code> <span className="text-xs font-normal">({value.indicators[name]})</span>
                  </>
                ),
                meta: { numeric: true },
                cell: ({ row }: { row: { original: number } }) => {
                  const measured = monitoring[row.original]?.[name];
                  // A year's samples (from a template or an imported document) are kept as they are; typing a value replaces them.
                  if (measured !== undefined && isSampleList(measured))
                    return (
                      <span className="inline-flex items-center gap-1 text-xs" data-testid={`monitoring-${row.original}-${name}`}>
                        <MeasurementText measured={measured} belowLimit={rules[name]?.belowLimit} />
                        <Button intent="icon" size="sm" onClick={() => setMonitoring({ ...monitoring, [row.original]: { ...monitoring[row.original], [name]: '' } })}>
                          {t('samplesToValue')}
                        </Button>
                      </span>
                    );
                  return (
                    <NumberInput
                      value={measured ?? ''}
                      onChange={(measured) => setMonitoring({ ...monitoring, [row.original]: { ...monitoring[row.original], [name]: measured } })}
                      className="w-24"
                      aria-label={`${name} ${row.original}`}
                      testId={`monitoring-${row.original}-${name}`}
                    />
                  );
                },
              })),
              { id: 'wouldPay', header: t('wouldPay'), meta: { numeric: true }, cell: ({ row }) => <span data-testid={`backtest-${row.original}`}>{wouldPay(row.original)}</span> },
            ]}
            foot={
              backTest?.kind === 'settled' && (
                <tr className="border-t-2 border-slate-300 font-semibold">
                  <th className="py-1 pr-3 text-left">{t('total')}</th>
                  <td colSpan={indicators.length} />
                  <td className="num py-1 text-right" data-testid="backtest-total">
                    {formatAmount(backTest.settlement.total, lang, { unit: Number(value.unit) || 1, scale: 'yuan', fractionDigits: 2 })}
                  </td>
                </tr>
              )
            }
          />
        )}
        {backTest?.kind === 'refused' && (
          <ul className="list-disc pl-5 text-red-800" role="alert">
            {backTest.problems.map((p, i) => (
              <li key={i}>
                <FieldProblem field={placeOf(p.path)} message={say(p)} fieldClassName="font-medium" />
              </li>
            ))}
          </ul>
        )}
        {traceYear !== null && backTest?.kind === 'settled' && (
          <div className="rounded border border-slate-200 bg-white p-2" data-testid="trace">
            <p className="font-medium">{t('why', { year: traceYear })}</p>
            <ol className="mt-1 space-y-0.5 font-mono text-xs">
              {backTest.traces
                .find((tr) => tr.year === traceYear)
                ?.steps.map((step) => (
                  <li key={step.name}>
                    <Code>{step.text}</Code>
                  </li>
                ))}
            </ol>
          </div>
        )}
      </section>
    </div>
  );
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const next = [...list];
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}

function NamedValues({
  title,
  hint,
  record,
  valueLabel,
  problems,
  onChange,
  rename,
  place,
  testId,
}: {
  title: string;
  hint: string;
  record: Record<string, string>;
  valueLabel: string;
  problems: Problem[];
  onChange: (next: Record<string, string>) => void;
  rename: (record: Record<string, string>, from: string, to: string) => Record<string, string>;
  place: (path: string) => string;
  testId: string;
}) {
  const t = useTranslations('terms');
  const say = useProblemText().message;
  const entries = Object.entries(record);
  return (
    <section className="space-y-1" data-testid={testId}>
      <h4 className="font-semibold">{title}</h4>
      <p className="text-xs text-slate-600">{hint}</p>
      {entries.map(([name, v]) => (
        <div key={name} className="flex items-center gap-2">
          <Input defaultValue={name} onBlur={(e) => e.target.value !== name && onChange(rename(record, name, e.target.value.trim()))} className="w-32 font-mono" aria-label={t('nameOf', { name })} />
          <Input value={v} onChange={(e) => onChange({ ...record, [name]: e.target.value })} className="w-36" aria-label={`${valueLabel} ${name}`} />
          <Button intent="iconDanger" size="icon" onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== name)))} aria-label={t('removeName', { name })}>
            ✕
          </Button>
        </div>
      ))}
      {problems.map((p, i) => (
        <p key={i} className="text-xs text-red-800" role="alert">
          <FieldProblem field={place(p.path)} message={say(p)} fieldClassName="font-medium" />
        </p>
      ))}
      <Button
        intent="secondary"
        size="sm"
        onClick={() => {
          let n = entries.length + 1;
          while (`name${n}` in record) n++;
          onChange({ ...record, [`name${n}`]: '' });
        }}
      >
        + {t('add')}
      </Button>
    </section>
  );
}
