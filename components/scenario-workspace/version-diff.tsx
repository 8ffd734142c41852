import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { amountUnitWord, formatAmount, type ReaderUnit, formatDateTime } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';
import { formatRange as range } from '@/lib/engine/years';
import type { VersionComparison as Comparison } from '@/lib/contracts/scenarios';
import { VersionMessageText } from './version-message-text';
import { Badge } from '@/components/ui/badge';

type Side = Comparison['from'];

/**
 * The comparison as a reader who did not make the change needs it: which line items and
 * assumptions changed, by year, and what that did to the bounds, the payment and the price.
 */
export async function VersionDiff({ dealId, comparison, lang, scale }: { dealId: string; comparison: Comparison; lang: AppLocale; scale: ReaderUnit }) {
  const t = await getTranslations('compare');
  const tField = await getTranslations('editor.fieldNames');
  const tSide = await getTranslations('side');
  const tEditor = await getTranslations('editor');
  const unitWord = (side: Side) => {
    const currency = tEditor.has(`currency.${side.currency}`) ? tEditor(`currency.${side.currency}`) : side.currency;
    return tEditor.has(`units.u${side.unit}`) ? tEditor(`units.u${side.unit}`, { currency }) : tEditor('units.other', { unit: String(side.unit), currency });
  };
  const { from, to, diff } = comparison;
  const money = (side: Side, value: string | null) => (value === null ? '—' : formatAmount(value, lang, { unit: side.unit, scale }));
  // In tables the heading states the reader's unit; a suffix in every cell would only crowd them.
  const cell = (side: Side, value: string | null) => (value === null ? '—' : formatAmount(value, lang, { unit: side.unit, scale, withSuffix: false }));
  const price = (value: string | null) => (value === null ? '—' : formatAmount(value, lang, { fractionDigits: 4, withSuffix: false }));
  const priceDelta = diff.outputs.totals.pricePerM3.delta;
  const sameUnits = from.unit === to.unit && from.currency === to.currency && from.priceBase === to.priceBase;
  const periods = to.periods.map((p) => ({ label: p.label, to: p, from: from.periods.find((q) => q.label === p.label) }));
  const listName = (list: string) => t(`lists.${list}`);
  const head = (side: Side) => (
    <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <p className="font-medium">
        <Link href={`/deals/${dealId}/versions/${side.id}`} className="text-water-700 hover:underline">
          {side.scenario} · v{side.number}
        </Link>{' '}
        <Badge tone="side" className="text-xs">{tSide(side.side)}</Badge>
      </p>
      <p className="text-slate-600">
        “<VersionMessageText message={side.message} />” · {formatDateTime(new Date(side.createdAt), lang)}
      </p>
      <p className="text-xs text-slate-500">{t('units', { unit: unitWord(side), priceBase: side.priceBase })}</p>
    </div>
  );
  return (
    <div className="space-y-8" data-testid="comparison">
      <div className="grid gap-3 md:grid-cols-[1fr_auto_1fr] md:items-center">
        {head(from)}
        <span className="text-center text-2xl text-slate-400">→</span>
        {head(to)}
      </div>
      {!sameUnits && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('differentUnits')}
        </p>
      )}

      <section aria-labelledby="results-side-by-side" className="space-y-2">
        <h2 id="results-side-by-side" className="text-lg font-semibold text-water-900">
          {t('resultsTitle')}
        </h2>
        <p className="text-sm text-slate-600">{t('resultsHint', { scale: amountUnitWord(scale, lang) })}</p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-right text-sm" data-testid="results-side-by-side">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-3 py-2 text-left font-medium">{t('period')}</th>
                {(['lowerBound', 'upperBound', 'payment'] as const).map((field) => (
                  <th key={field} colSpan={2} className="border-l border-slate-200 px-3 py-2 text-center font-medium">
                    {tField(field)} ({t('perYearAverage')})
                  </th>
                ))}
                <th colSpan={2} className="border-l border-slate-200 px-3 py-2 text-center font-medium">
                  {tField('pricePerM3')} ({t('perM3')})
                </th>
              </tr>
              <tr className="text-xs">
                <th />
                {[0, 1, 2, 3].map((i) => (
                  <FromTo key={i} from={`v${from.number}`} to={`v${to.number}`} />
                ))}
              </tr>
            </thead>
            <tbody>
              {periods.map(({ label, from: a, to: b }) => (
                <tr key={label} className="border-t border-slate-100">
                  <th className="px-3 py-2 text-left font-medium">{label}</th>
                  {(['lowerBound', 'upperBound', 'payment'] as const).map((field) => (
                    <Pair key={field} a={cell(from, a?.[field] ?? null)} b={cell(to, b[field])} changed={(a?.[field] ?? null) !== b[field]} />
                  ))}
                  <Pair a={price(a?.pricePerM3 ?? null)} b={price(b.pricePerM3)} changed={(a?.pricePerM3 ?? null) !== b.pricePerM3} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="outputs-moved" className="space-y-2">
        <h2 id="outputs-moved" className="text-lg font-semibold text-water-900">
          {t('totalsTitle')}
        </h2>
        <p className="text-sm text-slate-600">{t('totalsHint')}</p>
        <table className="w-full max-w-3xl text-right text-sm" data-testid="totals-moved">
          <thead className="text-slate-600">
            <tr>
              <th className="px-3 py-1 text-left font-medium" />
              <th className="px-3 py-1 font-medium">v{from.number}</th>
              <th className="px-3 py-1 font-medium">v{to.number}</th>
              <th className="px-3 py-1 font-medium">{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {(['lowerBound', 'upperBound', 'payment', 'backPayAnnuity'] as const).map((field) => {
              const m = diff.outputs.totals[field];
              return (
                <tr key={field} className="border-t border-slate-100">
                  <th className="px-3 py-1 text-left font-medium">{field === 'backPayAnnuity' ? tField(field) : t('totalOf', { field: tField(field) })}</th>
                  <td className="num px-3 py-1">{cell(from, m.before)}</td>
                  <td className="num px-3 py-1">{cell(to, m.after)}</td>
                  <td className={`num px-3 py-1 ${m.delta && m.delta !== '0' ? 'font-medium text-water-900' : 'text-slate-400'}`}>{m.delta === null ? '—' : m.delta === '0' ? t('same') : signed(cell(to, m.delta), m.delta)}</td>
                </tr>
              );
            })}
            <tr className="border-t border-slate-100">
              <th className="px-3 py-1 text-left font-medium">
                {t('averagePrice')} ({t('perM3')})
              </th>
              <td className="num px-3 py-1">{price(diff.outputs.totals.pricePerM3.before)}</td>
              <td className="num px-3 py-1">{price(diff.outputs.totals.pricePerM3.after)}</td>
              <td className="num px-3 py-1">{priceDelta === null ? '—' : priceDelta === '0' ? t('same') : signed(price(priceDelta), priceDelta)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="inputs-changed" className="space-y-3">
        <h2 id="inputs-changed" className="text-lg font-semibold text-water-900">
          {t('inputsTitle')}
        </h2>
        {diff.items.length === 0 && diff.assumptions.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="no-input-changes">
            {t('noInputChanges')}
          </p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="input-changes">
            {diff.items.map((item, i) => (
              <li key={`item-${i}`} className="rounded-md border border-slate-200 bg-white px-3 py-2">
                <p>
                  <span className={`mr-2 rounded px-1.5 py-0.5 text-xs ${item.change === 'added' ? 'bg-emerald-100 text-emerald-900' : item.change === 'removed' ? 'bg-red-100 text-red-900' : 'bg-amber-100 text-amber-900'}`}>{t(`change_${item.change}`)}</span>
                  <span className="text-slate-500">{listName(item.list)}</span> · {item.code && <span className="font-mono text-xs">{item.code} </span>}
                  <span className="font-medium">{item.label}</span>
                </p>
                <ul className="mt-1 space-y-0.5 pl-4 text-slate-700">
                  {item.values.map((v, j) => (
                    <li key={j} className="num">
                      {range(v)}: {v.before === null ? '—' : money(from, v.before)} → {v.after === null ? '—' : money(to, v.after)} {t('perYear')}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            {diff.assumptions.map((a, i) => (
              <li key={`assumption-${i}`} className="rounded-md border border-slate-200 bg-white px-3 py-2">
                <Badge tone="info" className="mr-2">{t('assumption')}</Badge>
                <span className="font-medium">{assumptionName(a.field, (key) => t(`assumptions.${key}`))}</span>
                {a.years && <span className="text-slate-500"> ({range(a.years)})</span>}: <span className="num">{a.before ?? '—'}</span> → <span className="num">{a.after ?? '—'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {diff.outputs.years.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium text-water-900">{t('yearsMoved', { count: diff.outputs.years.length })}</summary>
          <table className="mt-2 w-full text-right">
            <thead className="text-slate-600">
              <tr>
                <th className="px-2 py-1 text-left font-medium">{t('year')}</th>
                {(['lowerBound', 'upperBound', 'payment'] as const).map((f) => (
                  <th key={f} className="px-2 py-1 font-medium">
                    {tField(f)} ({t('change')})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {diff.outputs.years.map((y) => (
                <tr key={y.year} className="border-t border-slate-100">
                  <th className="px-2 py-1 text-left font-medium">{y.year}</th>
                  {(['lowerBound', 'upperBound', 'payment'] as const).map((f) => (
                    <td key={f} className="num px-2 py-1">
                      {y[f].delta === null ? '—' : y[f].delta === '0' ? t('same') : signed(cell(to, y[f].delta), y[f].delta!)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}

      <p className="text-sm text-slate-600">
        {t('commentHint')}{' '}
        <Link href={`/deals/${dealId}/versions/${to.id}#comments-heading`} className="text-water-700 hover:underline" data-testid="comment-link">
          {t('commentOn', { label: `${to.scenario} · v${to.number}` })}
        </Link>
      </p>
    </div>
  );
}

function signed(text: string, delta: string) {
  return delta.startsWith('-') ? text : `+${text}`;
}

/** "alpha.ED" → "α ED"; "alphaOverrides.C_sa" → "α override C_sa"; plain fields by name. */
function assumptionName(field: string, label: (key: string) => string) {
  const [head, rest] = field.split('.', 2);
  const known = ['alpha', 'alphaOverrides', 'discountRate', 'paymentStartYear', 'catchUpYears', 'waterVolume', 'periods', 'startYear', 'endYear', 'bargainingWeight', 'unit', 'currency', 'priceBase', 'name'];
  const name = known.includes(head!) ? label(head!) : head!;
  return rest ? `${name} ${rest}` : name;
}

function FromTo({ from, to }: { from: string; to: string }) {
  return (
    <>
      <th className="border-l border-slate-200 px-3 py-1 font-normal">{from}</th>
      <th className="px-3 py-1 font-normal">{to}</th>
    </>
  );
}

function Pair({ a, b, changed }: { a: string; b: string; changed: boolean }) {
  return (
    <>
      <td className="num border-l border-slate-100 px-3 py-2 text-slate-600">{a}</td>
      <td className={`num px-3 py-2 ${changed ? 'bg-amber-50 font-medium text-slate-900' : 'text-slate-600'}`}>{b}</td>
    </>
  );
}
