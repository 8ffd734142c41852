import { unitWord } from '@/components/ui/unit-word';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { amountUnitWord, formatAmount, type ReaderUnit, formatDateTime } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';
import { versionLabel, versionMark } from '@/lib/domain/version-label';
import { formatRange as range } from '@/lib/engine/years';
import type { VersionComparison as Comparison } from '@/lib/contracts/scenarios';
import { VersionMessageText } from './version-message-text';
import { Badge } from '@/components/ui/badge';
import { Notice } from '@/components/ui/notice';
import { RenderedTable } from '@/components/ui/rendered-table';
import type { BadgeTone } from '@/components/ui/variants';

type Side = Comparison['from'];

const movedFields = ['lowerBound', 'upperBound', 'payment'] as const;
const changeTone = { added: 'success', removed: 'danger', changed: 'warning' } as const satisfies Record<string, BadgeTone>;

/**
 * The comparison as a reader who did not make the change needs it: which line items and
 * assumptions changed, by year, and what that did to the bounds, the payment and the price.
 */
export async function VersionDiff({ dealId, comparison, lang, scale }: { dealId: string; comparison: Comparison; lang: AppLocale; scale: ReaderUnit }) {
  const t = await getTranslations('compare');
  const tField = await getTranslations('editor.fieldNames');
  const tSide = await getTranslations('side');
  const tEditor = await getTranslations('editor');
  const sideUnit = (side: Side) => unitWord(tEditor, side.unit, side.currency);
  const { from, to, diff } = comparison;
  const money = (side: Side, value: string | null) => (value === null ? '—' : formatAmount(value, lang, { unit: side.unit, scale }));
  // In tables the heading states the reader's unit; a suffix in every cell would only crowd them.
  const cell = (side: Side, value: string | null) => (value === null ? '—' : formatAmount(value, lang, { unit: side.unit, scale, withSuffix: false }));
  const price = (value: string | null) => (value === null ? '—' : formatAmount(value, lang, { fractionDigits: 4, withSuffix: false }));
  const priceDelta = diff.outputs.totals.pricePerM3.delta;
  const sameUnits = from.unit === to.unit && from.currency === to.currency && from.priceBase === to.priceBase;
  const periods = to.periods.map((p) => ({ label: p.label, to: p, from: from.periods.find((q) => q.label === p.label) }));
  const listName = (list: string) => t(`lists.${list}`);
  const sideBySide = [
    ...(['lowerBound', 'upperBound', 'payment'] as const).map((field) => ({ field, header: `${tField(field)} (${t('perYearAverage')})`, show: cell })),
    { field: 'pricePerM3' as const, header: `${tField('pricePerM3')} (${t('perM3')})`, show: (_side: Side, value: string | null) => price(value) },
  ];
  const head = (side: Side) => (
    <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <p className="font-medium">
        <Link href={`/deals/${dealId}/versions/${side.id}`} className="text-water-700 hover:underline">
          {versionLabel(side.scenario, side.number, lang)}
        </Link>{' '}
        <Badge tone="side" className="text-xs">
          {tSide(side.side)}
        </Badge>
      </p>
      <p className="text-slate-600">
        “<VersionMessageText message={side.message} />” · {formatDateTime(new Date(side.createdAt), lang)}
      </p>
      <p className="text-xs text-slate-500">{t('units', { unit: sideUnit(side), priceBase: side.priceBase })}</p>
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
        <Notice tone="warning" role="note">
          {t('differentUnits')}
        </Notice>
      )}

      <section aria-labelledby="results-side-by-side" className="space-y-2">
        <h2 id="results-side-by-side" className="text-lg font-semibold text-water-900">
          {t('resultsTitle')}
        </h2>
        <p className="text-sm text-slate-600">{t('resultsHint', { scale: amountUnitWord(scale, lang) })}</p>
        <div className="rounded-lg border border-slate-200 bg-white px-3 py-2">
          <RenderedTable
            testId="results-side-by-side"
            columns={[
              { id: 'period', header: t('period') },
              ...sideBySide.flatMap(({ field, header }) =>
                (['from', 'to'] as const).map((side) => ({ id: `${field}-${side}`, header: versionMark(comparison[side].number, lang), numeric: true, nowrap: true, group: { id: field, header } })),
              ),
            ]}
            rows={periods.map(({ label, from: a, to: b }) => ({
              key: label,
              cells: {
                period: <span className="font-medium">{label}</span>,
                ...Object.fromEntries(
                  sideBySide.flatMap(({ field, show }) => {
                    const [before, after] = [a?.[field] ?? null, b[field]];
                    return [
                      [
                        `${field}-from`,
                        <span key="from" className="text-slate-600">
                          {show(from, before)}
                        </span>,
                      ],
                      [
                        `${field}-to`,
                        <span key="to" className={before !== after ? 'bg-amber-50 font-medium text-slate-900' : 'text-slate-600'}>
                          {show(to, after)}
                        </span>,
                      ],
                    ];
                  }),
                ),
              },
            }))}
          />
        </div>
      </section>

      <section aria-labelledby="outputs-moved" className="space-y-2">
        <h2 id="outputs-moved" className="text-lg font-semibold text-water-900">
          {t('totalsTitle')}
        </h2>
        <p className="text-sm text-slate-600">{t('totalsHint')}</p>
        <RenderedTable
          testId="totals-moved"
          className="max-w-3xl"
          columns={[
            { id: 'field', header: '' },
            { id: 'before', header: versionMark(from.number, lang), numeric: true },
            { id: 'after', header: versionMark(to.number, lang), numeric: true },
            { id: 'change', header: t('change'), numeric: true },
          ]}
          rows={[
            ...(['lowerBound', 'upperBound', 'payment', 'backPayAnnuity'] as const).map((field) => {
              const m = diff.outputs.totals[field];
              return {
                key: field,
                cells: {
                  field: <span className="font-medium">{field === 'backPayAnnuity' ? tField(field) : t('totalOf', { field: tField(field) })}</span>,
                  before: cell(from, m.before),
                  after: cell(to, m.after),
                  change: (
                    <span className={m.delta && m.delta !== '0' ? 'font-medium text-water-900' : 'text-slate-400'}>
                      {m.delta === null ? '—' : m.delta === '0' ? t('same') : signed(cell(to, m.delta), m.delta)}
                    </span>
                  ),
                },
              };
            }),
            {
              key: 'pricePerM3',
              cells: {
                field: (
                  <span className="font-medium">
                    {t('averagePrice')} ({t('perM3')})
                  </span>
                ),
                before: price(diff.outputs.totals.pricePerM3.before),
                after: price(diff.outputs.totals.pricePerM3.after),
                change: priceDelta === null ? '—' : priceDelta === '0' ? t('same') : signed(price(priceDelta), priceDelta),
              },
            },
          ]}
        />
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
                  <Badge tone={changeTone[item.change]} className="mr-2">
                    {t(`change_${item.change}`)}
                  </Badge>
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
                <Badge tone="info" className="mr-2">
                  {t('assumption')}
                </Badge>
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
          <RenderedTable
            className="mt-2"
            columns={[{ id: 'year', header: t('year') }, ...movedFields.map((f) => ({ id: f, header: `${tField(f)} (${t('change')})`, numeric: true }))]}
            rows={diff.outputs.years.map((y) => ({
              key: String(y.year),
              cells: {
                year: <span className="num font-medium">{y.year}</span>,
                ...Object.fromEntries(movedFields.map((f) => [f, y[f].delta === null ? '—' : y[f].delta === '0' ? t('same') : signed(cell(to, y[f].delta), y[f].delta)])),
              },
            }))}
          />
        </details>
      )}

      <p className="text-sm text-slate-600">
        {t('commentHint')}{' '}
        <Link href={`/deals/${dealId}/versions/${to.id}#comments-heading`} className="text-water-700 hover:underline" data-testid="comment-link">
          {t('commentOn', { label: versionLabel(to.scenario, to.number, lang) })}
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
  const known = [
    'alpha',
    'alphaOverrides',
    'discountRate',
    'paymentStartYear',
    'catchUpYears',
    'waterVolume',
    'periods',
    'startYear',
    'endYear',
    'bargainingWeight',
    'unit',
    'currency',
    'priceBase',
    'name',
  ];
  const name = known.includes(head!) ? label(head!) : head!;
  return rest ? `${name} ${rest}` : name;
}
