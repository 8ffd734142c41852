'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { callApi } from '@/components/api-client';
import { FormOutcome, Problems, submitButton as button } from './api-form';
import { useApiForm } from '@/components/ui/use-api-form';
import type { CellDto } from '@/lib/server/fund/fund-dto';
import type { MonitoringView } from '@/lib/server/fund/get-monitoring';

const sides = ['UPSTREAM', 'DOWNSTREAM', 'FUND'] as const;
type Side = (typeof sides)[number];

const stateTone: Record<string, string> = {
  missing: 'bg-slate-100 text-slate-600',
  single: 'bg-sky-100 text-sky-900',
  agreed: 'bg-emerald-100 text-emerald-900',
  disputed: 'bg-red-600 text-white',
  resolved: 'bg-violet-100 text-violet-900',
};

const input = 'rounded-md border border-slate-300 px-2 py-1 text-sm';

/** Results are usually entered for the year that closed last; the newest of the years otherwise. */
function latestClosed(years: number[]): number {
  const closed = years.filter((y) => y < new Date().getFullYear());
  return closed.length ? Math.max(...closed) : (years[0] ?? new Date().getFullYear());
}
const quiet = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-water-700 hover:bg-slate-50';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-slate-600">{label}</span>
      {children}
    </label>
  );
}

function EntryLine({ entry }: { entry: CellDto['current'][number] }) {
  const t = useTranslations('fund');
  return (
    <div className="space-y-0.5" data-testid={`entry-${entry.side}`} data-entry-id={entry.id}>
      <div className="num font-medium">{entry.value}</div>
      <div className="text-xs text-slate-500">
        {entry.laboratory} · {entry.sampledFrom === entry.sampledTo ? entry.sampledFrom : `${entry.sampledFrom} – ${entry.sampledTo}`}
      </div>
      <div className="text-xs text-slate-500">
        {t('monitoring.enteredBy', { name: entry.enteredBy })}
        {entry.source === 'IMPORT' && entry.fileName ? ` · ${entry.fileName}` : ''}
      </div>
    </div>
  );
}

function ResolveForm({ dealId, agreementId, cell, onDone }: { dealId: string; agreementId: string; cell: CellDto; onDone: () => void }) {
  const t = useTranslations('fund');
  const [method, setMethod] = useState<'ACCEPT' | 'AVERAGE' | 'RETEST'>('AVERAGE');
  const [valueId, setValueId] = useState(cell.current[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [retest, setRetest] = useState({ value: '', laboratory: '', sampledFrom: `${cell.year}-01-01`, sampledTo: `${cell.year}-12-31` });
  const [file, setFile] = useState<File | null>(null);
  const { busy, failure, onSubmit } = useApiForm();
  const url = `/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/resolutions`;

  const resolve = () => {
    const base = { year: cell.year, indicator: cell.indicator, note };
    if (method !== 'RETEST') return callApi(url, { json: method === 'ACCEPT' ? { ...base, method, valueId } : { ...base, method } });
    const form = new FormData();
    form.set('resolution', JSON.stringify({ ...base, method, ...retest }));
    if (file) form.set('file', file);
    return callApi(url, { form });
  };

  return (
    <form onSubmit={onSubmit(resolve, onDone)} className="mt-2 space-y-3 rounded-md border border-slate-300 bg-white p-3" data-testid={`resolve-form-${cell.year}-${cell.indicator}`}>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-slate-600">{t('monitoring.resolve.how')}</legend>
        {(['ACCEPT', 'AVERAGE', 'RETEST'] as const).map((m) => (
          <label key={m} className="flex items-center gap-1">
            <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} data-testid={`resolve-method-${m}`} />
            {t(`monitoring.resolve.method.${m}`)}
          </label>
        ))}
      </fieldset>
      {method === 'ACCEPT' && (
        <Field label={t('monitoring.resolve.accept')}>
          <select className={input} value={valueId} onChange={(e) => setValueId(e.target.value)} data-testid="resolve-accept">
            {cell.current.map((e) => (
              <option key={e.id} value={e.id}>
                {t(`side.${e.side}`)}: {e.value} ({e.laboratory})
              </option>
            ))}
          </select>
        </Field>
      )}
      {method === 'RETEST' && (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t('monitoring.field.value')}>
            <input className={input} inputMode="decimal" value={retest.value} onChange={(e) => setRetest({ ...retest, value: e.target.value })} data-testid="retest-value" />
          </Field>
          <Field label={t('monitoring.field.laboratory')}>
            <input className={input} value={retest.laboratory} onChange={(e) => setRetest({ ...retest, laboratory: e.target.value })} data-testid="retest-laboratory" />
          </Field>
          <Field label={t('monitoring.resolve.evidence')}>
            <input type="file" className="text-sm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="retest-file" />
          </Field>
          <Field label={t('monitoring.field.sampledFrom')}>
            <input type="date" className={input} value={retest.sampledFrom} onChange={(e) => setRetest({ ...retest, sampledFrom: e.target.value })} />
          </Field>
          <Field label={t('monitoring.field.sampledTo')}>
            <input type="date" className={input} value={retest.sampledTo} onChange={(e) => setRetest({ ...retest, sampledTo: e.target.value })} />
          </Field>
        </div>
      )}
      <Field label={t('monitoring.resolve.note')}>
        <textarea className={`${input} min-h-16`} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('monitoring.resolve.notePlaceholder')} data-testid="resolve-note" />
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" className={button} disabled={busy} data-testid="resolve-submit">
          {busy ? t('common.saving') : t('monitoring.resolve.submit')}
        </button>
        <span className="text-xs text-slate-500">{t('monitoring.resolve.explain')}</span>
      </div>
      {failure && <Problems failure={failure} testId="resolve-problems" />}
    </form>
  );
}

function ImportForm({ dealId, agreementId, years, onDone }: { dealId: string; agreementId: string; years: number[]; onDone: () => void }) {
  const t = useTranslations('fund');
  const [file, setFile] = useState<File | null>(null);
  const { busy, failure, done: answered, onSubmit } = useApiForm<{ imported: number; years: number[]; disputed: { year: number; indicator: string }[] }>();
  const done = answered?.data;
  const [templateYear, setTemplateYear] = useState(latestClosed(years));
  const base = `/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`;
  const upload = () => {
    const form = new FormData();
    if (file) form.set('file', file);
    return callApi<{ imported: number; years: number[]; disputed: { year: number; indicator: string }[] }>(`${base}/import`, { form });
  };

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t('monitoring.import.title')}</h2>
      <p className="text-sm text-slate-600">{t('monitoring.import.explain')}</p>
      <div className="flex flex-wrap items-end gap-2 text-sm">
        <Field label={t('monitoring.import.templateYear')}>
          <select className={input} value={templateYear} onChange={(e) => setTemplateYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <a className={quiet} href={`${base}/template?year=${templateYear}&format=xlsx`} download data-testid="template-xlsx">
          {t('monitoring.import.templateXlsx')}
        </a>
        <a className={quiet} href={`${base}/template?year=${templateYear}&format=csv`} download>
          {t('monitoring.import.templateCsv')}
        </a>
      </div>
      <form onSubmit={onSubmit(upload, onDone)} className="flex flex-wrap items-end gap-3">
        <Field label={t('monitoring.import.file')}>
          <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="text-sm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="import-file" />
        </Field>
        <button type="submit" className={button} disabled={busy || !file} data-testid="import-submit">
          {busy ? t('common.saving') : t('monitoring.import.submit')}
        </button>
      </form>
      {done && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="import-result">
          {t('monitoring.import.done', { count: done.imported, years: done.years.join(', ') })}
          {done.disputed.length > 0 && ` ${t('monitoring.import.disputed', { list: done.disputed.map((d) => `${d.year} ${d.indicator}`).join(', ') })}`}
        </p>
      )}
      {failure && <Problems failure={failure} testId="import-problems" />}
    </section>
  );
}

function EnterForm({ dealId, agreementId, view, onDone }: { dealId: string; agreementId: string; view: MonitoringView; onDone: () => void }) {
  const t = useTranslations('fund');
  const open = view.years.filter((y) => !y.settled).map((y) => y.year);
  const [value, setValue] = useState({ year: latestClosed(open), indicator: view.indicators[0]?.name ?? '', value: '', laboratory: '', sampledFrom: '', sampledTo: '' });
  const { busy, failure, done, onSubmit } = useApiForm();
  const entered = () => {
    setValue({ ...value, value: '' });
    onDone();
  };

  return (
    <form onSubmit={onSubmit(() => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`, { json: value }), entered)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="enter-form">
      <h2 className="font-semibold">{t('monitoring.enter.title', { side: t(`side.${view.me.side}`) })}</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('monitoring.field.year')}>
          <select className={input} value={value.year} onChange={(e) => setValue({ ...value, year: Number(e.target.value) })}>
            {open.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('monitoring.field.indicator')}>
          <select className={input} value={value.indicator} onChange={(e) => setValue({ ...value, indicator: e.target.value })}>
            {view.indicators.map((i) => (
              <option key={i.name} value={i.name}>
                {i.name} ({i.unit})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('monitoring.field.value')}>
          <input className={input} inputMode="decimal" value={value.value} onChange={(e) => setValue({ ...value, value: e.target.value })} data-testid="enter-value" />
        </Field>
        <Field label={t('monitoring.field.laboratory')}>
          <input className={input} value={value.laboratory} onChange={(e) => setValue({ ...value, laboratory: e.target.value })} data-testid="enter-laboratory" />
        </Field>
        <Field label={t('monitoring.field.sampledFrom')}>
          <input type="date" className={input} value={value.sampledFrom} onChange={(e) => setValue({ ...value, sampledFrom: e.target.value })} data-testid="enter-from" />
        </Field>
        <Field label={t('monitoring.field.sampledTo')}>
          <input type="date" className={input} value={value.sampledTo} onChange={(e) => setValue({ ...value, sampledTo: e.target.value })} data-testid="enter-to" />
        </Field>
      </div>
      <FormOutcome busy={busy} saved={Boolean(done)} failure={failure} submit={t('monitoring.enter.submit')} savedText={t('monitoring.enter.saved')} testIds={{ submit: 'enter-submit', problems: 'enter-problems' }} />
    </form>
  );
}

function TolerancesForm({ dealId, agreementId, view, onDone }: { dealId: string; agreementId: string; view: MonitoringView; onDone: () => void }) {
  const t = useTranslations('fund');
  const [values, setValues] = useState(() => Object.fromEntries(view.indicators.map((i) => [i.name, { absolute: i.tolerance.absolute ?? '', relative: i.tolerance.relative ?? '' }])));
  const { busy, failure, done, onSubmit } = useApiForm();
  return (
    <form onSubmit={onSubmit(() => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/tolerances`, { method: 'PUT', json: { tolerances: values } }), onDone)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="tolerances-form">
      <h2 className="font-semibold">{t('monitoring.tolerance.title')}</h2>
      <p className="text-sm text-slate-600">{t('monitoring.tolerance.explain')}</p>
      <table className="text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1 pr-4 font-medium">{t('monitoring.field.indicator')}</th>
            <th className="py-1 pr-4 font-medium">{t('monitoring.tolerance.absolute')}</th>
            <th className="py-1 font-medium">{t('monitoring.tolerance.relative')}</th>
          </tr>
        </thead>
        <tbody>
          {view.indicators.map((i) => (
            <tr key={i.name}>
              <td className="py-1 pr-4 font-mono">{i.name}</td>
              <td className="py-1 pr-4">
                <input className={`${input} w-28`} inputMode="decimal" value={values[i.name]?.absolute ?? ''} onChange={(e) => setValues({ ...values, [i.name]: { ...values[i.name]!, absolute: e.target.value } })} aria-label={`${i.name} ${t('monitoring.tolerance.absolute')}`} />{' '}
                <span className="text-xs text-slate-500">{i.unit}</span>
              </td>
              <td className="py-1">
                <input className={`${input} w-28`} inputMode="decimal" value={values[i.name]?.relative ?? ''} onChange={(e) => setValues({ ...values, [i.name]: { ...values[i.name]!, relative: e.target.value } })} aria-label={`${i.name} ${t('monitoring.tolerance.relative')}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormOutcome busy={busy} saved={Boolean(done)} failure={failure} submit={t('monitoring.tolerance.submit')} testIds={{ problems: 'tolerance-problems' }} />
    </form>
  );
}

/** The monitoring results of an agreement, year by year, with import, entry and dispute resolution. */
export function MonitoringWorkspace({ dealId, agreementId, view }: { dealId: string; agreementId: string; view: MonitoringView }) {
  const t = useTranslations('fund');
  const locale = useLocale();
  const router = useRouter();
  const [resolving, setResolving] = useState<string | null>(null);
  const refresh = () => {
    setResolving(null);
    router.refresh();
  };
  const archived = view.agreement.status === 'ARCHIVED';
  const byYear = useMemo(() => {
    const map = new Map<number, CellDto[]>();
    for (const cell of view.cells) map.set(cell.year, [...(map.get(cell.year) ?? []), cell]);
    return [...map.entries()].sort(([a], [b]) => b - a);
  }, [view.cells]);
  const settled = new Set(view.years.filter((y) => y.settled).map((y) => y.year));
  const hasResults = view.cells.some((c) => c.state !== 'missing');
  const units = Object.fromEntries(view.indicators.map((i) => [i.name, i.unit]));

  if (!view.agreement.hasTerms || view.indicators.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="monitoring-empty">
        {t('monitoring.noIndicators')}
      </p>
    );
  }

  return (
    <div className="space-y-6" lang={locale}>
      {view.disputed > 0 && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="disputed-banner">
          {t('monitoring.disputedBanner', { count: view.disputed })}
        </p>
      )}
      {archived && view.me.mayEnter && (
        <div className="grid gap-6 lg:grid-cols-2">
          <ImportForm dealId={dealId} agreementId={agreementId} years={view.years.filter((y) => !y.settled).map((y) => y.year).reverse()} onDone={refresh} />
          <EnterForm dealId={dealId} agreementId={agreementId} view={view} onDone={refresh} />
        </div>
      )}
      {!view.me.mayEnter && <p className="text-sm text-slate-600">{t('monitoring.readOnly')}</p>}

      {!hasResults && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700" data-testid="monitoring-none">
          {view.me.mayEnter ? t('monitoring.noneYetEnter') : t('monitoring.noneYet')}
        </p>
      )}

      {byYear
        .filter(([, cells]) => cells.some((c) => c.state !== 'missing'))
        .map(([year, cells]) => (
          <section key={year} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`monitoring-year-${year}`}>
            <h2 className="flex items-baseline gap-3 font-semibold">
              <span className="num">{year}</span>
              {settled.has(year) && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-normal text-slate-700">{t('monitoring.settledFinal')}</span>}
            </h2>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-slate-600">
                  <tr>
                    <th className="py-1 pr-3 font-medium">{t('monitoring.field.indicator')}</th>
                    <th className="py-1 pr-3 font-medium">{t('monitoring.col.state')}</th>
                    <th className="py-1 pr-3 font-medium">{t('monitoring.col.used')}</th>
                    {sides.map((s) => (
                      <th key={s} className="py-1 pr-3 font-medium">
                        {t(`side.${s}`)}
                      </th>
                    ))}
                    <th className="py-1 font-medium">{t('monitoring.col.difference')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cells.map((cell) => {
                    const key = `${cell.year}-${cell.indicator}`;
                    const bySide = new Map<Side, CellDto['current'][number]>(cell.current.map((e) => [e.side as Side, e]));
                    return (
                      <Fragment key={key}>
                      <tr className={`border-t border-slate-100 align-top ${cell.state === 'disputed' ? 'bg-red-50' : ''}`} data-testid={`cell-${key}`} data-state={cell.state}>
                        <td className="py-2 pr-3">
                          <span className="font-mono">{cell.indicator}</span> <span className="text-xs text-slate-500">{units[cell.indicator] ?? ''}</span>
                        </td>
                        <td className="py-2 pr-3">
                          <span className={`rounded px-2 py-0.5 text-xs ${stateTone[cell.state] ?? ''}`}>{t(`monitoring.state.${cell.state}`)}</span>
                        </td>
                        <td className="num py-2 pr-3 font-medium" data-testid={`used-${key}`}>
                          {cell.value ?? '—'}
                          {cell.resolution && (
                            <div className="text-xs font-normal text-violet-900">
                              {t(`monitoring.resolve.method.${cell.resolution.method}`)} · {cell.resolution.resolvedBy}
                              {cell.resolution.evidence && (
                                <>
                                  {' · '}
                                  <a className="underline" href={`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/evidence/${cell.resolution.evidence.sha256}`}>
                                    {cell.resolution.evidence.fileName}
                                  </a>
                                </>
                              )}
                              <div className="text-slate-600">{cell.resolution.note}</div>
                            </div>
                          )}
                        </td>
                        {sides.map((s) => (
                          <td key={s} className="py-2 pr-3">
                            {bySide.has(s) ? <EntryLine entry={bySide.get(s)!} /> : <span className="text-slate-400">—</span>}
                          </td>
                        ))}
                        <td className="py-2">
                          {cell.spread !== null && (
                            <div className="num text-xs text-slate-600">{t('monitoring.spread', { spread: cell.spread, allowed: cell.allowed ?? '0' })}</div>
                          )}
                          {cell.superseded.length > 0 && <div className="text-xs text-slate-500">{t('monitoring.superseded', { count: cell.superseded.length })}</div>}
                          {cell.state === 'disputed' && archived && view.me.mayAdminister && !settled.has(cell.year) && (
                            <button type="button" className={`${quiet} mt-1`} onClick={() => setResolving(resolving === key ? null : key)} data-testid={`resolve-${key}`}>
                              {t('monitoring.resolve.open')}
                            </button>
                          )}
                          {cell.state === 'disputed' && !view.me.mayAdminister && <div className="text-xs text-red-800">{t('monitoring.waitForFund')}</div>}
                        </td>
                      </tr>
                      {resolving === key && (
                        <tr className="bg-red-50">
                          <td colSpan={7} className="px-2 pb-3">
                            <ResolveForm dealId={dealId} agreementId={agreementId} cell={cell} onDone={refresh} />
                          </td>
                        </tr>
                      )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      {archived && view.me.mayAdminister && <TolerancesForm dealId={dealId} agreementId={agreementId} view={view} onDone={refresh} />}
    </div>
  );
}
