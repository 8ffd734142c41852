'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { Dec } from '@/lib/engine/decimal';
import { sumOrNull } from '@/lib/engine/period-average';
import { pairAsVersion, pairPeriods, pairYears, type PairCoverage } from '@/lib/engine/version-pair';
import { amountUnitWord } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';
import type { NegotiationPartiesDto, ZonePair } from '@/lib/contracts/negotiation';
import { useReaderUnit } from '@/components/reader-unit';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { Money } from '@/components/ui/money';
import { Notice } from '@/components/ui/notice';
import { Tabs } from '@/components/ui/tabs';
import { PairFairnessPanel } from './fairness-panel';
import { PartyZone } from './party-shares';
import { GAP_COLOUR, OFFER_COLOURS, money, versionLabel } from './format';
import { pairChartOption } from './pair-chart';
import { useWeight } from './weight';
import { ZoneChartCard } from './zone-chart-card';
import { EmptyState } from '@/components/ui/empty-state';

/** A row of the pair's table: a year or a period. */
interface PairRow {
  key: string;
  label: string;
  lowerBound: Dec | null;
  upperBound: Dec | null;
  suggestedPayment: Dec | null;
  feasible: boolean | null;
  /** Years only: which version has the year. */
  coverage?: PairCoverage;
}

/**
 * The zone between the sides: the lower bound of the upstream version and the upper bound of the
 * downstream one, chart and table per period or year, the Nash suggestion at the weight of the
 * slider (recomputed in the browser through lib/engine/version-pair.ts, as the server does), and
 * the fairness shares of the pair. Amounts in the reader's unit.
 */
export function PairZone({ pair, parties, lang }: { pair: ZonePair; parties: NegotiationPartiesDto | null; lang: AppLocale }) {
  const t = useTranslations('negotiation');
  const scale = useReaderUnit();
  const slider = useWeight(pair.weight);
  const { weight, value: weightValue } = slider;
  const [by, setBy] = useState<'period' | 'year'>('period');
  const { lower, upper, unit } = pair;
  const periodsOf = (lower ?? upper)?.periods;

  const years = useMemo(() => pairYears(lower, upper, weight, unit), [lower, upper, weight, unit]);
  const periods = useMemo(() => pairPeriods(years, periodsOf ?? []), [years, periodsOf]);
  const fairness = useMemo(() => (lower && upper ? pairAsVersion(lower, upper, lower.periods, unit) : null), [lower, upper, unit]);
  const unitWord = amountUnitWord(scale, lang);

  const option = useMemo(
    () => pairChartOption(years, unit, scale, lang, { lower: t('chart.lower'), upper: t('chart.upper'), suggested: t('chart.suggested'), zone: t('chart.zone'), gap: t('chart.gap'), axis: unitWord }),
    [years, unit, scale, lang, t, unitWord],
  );
  const rows = useMemo<PairRow[]>(
    () =>
      by === 'year'
        ? years.map((y) => ({ key: String(y.year), label: String(y.year), ...y }))
        : periods.map((p) => ({ key: `${p.from}-${p.to}`, label: p.label, lowerBound: p.lowerBound, upperBound: p.upperBound, suggestedPayment: p.suggestedPayment, feasible: p.feasible })),
    [by, years, periods],
  );
  const columns = useMemo<ColumnDef<PairRow, unknown>[]>(() => {
    // The unit is said once above the chart (pair-units): a unit word in every cell would push the table past the page.
    const amount = (pick: (r: PairRow) => Dec | null, testId: string) =>
      function AmountCell({ row }: { row: { original: PairRow } }) {
        return (
          <span className="whitespace-nowrap" data-testid={`${testId}-${row.original.key}`}>
            {money(pick(row.original), unit, scale, lang)}
          </span>
        );
      };
    return [
      { id: 'label', header: () => (by === 'period' ? t('table.period') : t('table.year')), cell: ({ row }) => row.original.label, meta: { nowrap: true } },
      { id: 'lower', header: () => t('pair.table.lower'), cell: amount((r) => r.lowerBound, 'pair-lower'), meta: { numeric: true } },
      { id: 'upper', header: () => t('pair.table.upper'), cell: amount((r) => r.upperBound, 'pair-upper'), meta: { numeric: true } },
      {
        id: 'width',
        header: () => t('table.width'),
        meta: { numeric: true },
        cell: ({ row }) => {
          const r = row.original;
          if (r.lowerBound === null || r.upperBound === null) return '—';
          const width = r.upperBound.minus(r.lowerBound);
          return width.isNegative() ? (
            <span className="font-medium whitespace-nowrap" style={{ color: GAP_COLOUR }}>
              {t('table.gap', { amount: money(width.abs(), unit, scale, lang) })}
            </span>
          ) : (
            <span className="whitespace-nowrap">{money(width, unit, scale, lang)}</span>
          );
        },
      },
      { id: 'suggested', header: () => t('pair.table.suggested', { weight: weightValue }), cell: amount((r) => r.suggestedPayment, 'pair-suggested'), meta: { numeric: true } },
      { id: 'state', header: () => t('pair.table.state'), cell: ({ row }) => <RowState row={row.original} />, meta: { nowrap: true } },
    ];
  }, [by, unit, scale, lang, t, weightValue]);

  // Sums over the years with both bounds: what the whole deal comes to between the sides.
  const totals = useMemo(() => {
    const both = years.filter((y) => y.feasible !== null);
    return both.length
      ? { years: both.length, lower: sumOrNull(both.map((y) => y.lowerBound)), upper: sumOrNull(both.map((y) => y.upperBound)), suggested: sumOrNull(both.map((y) => y.suggestedPayment)) }
      : null;
  }, [years]);
  const lowerOnly = years.filter((y) => y.coverage === 'lowerOnly').length;
  const upperOnly = years.filter((y) => y.coverage === 'upperOnly').length;
  const priceBases = [...new Set([lower?.priceBase, upper?.priceBase].filter((b): b is string => b !== undefined))];
  const currencies = new Set([lower?.currency, upper?.currency].filter(Boolean));
  const anyZone = years.some((y) => y.feasible !== null);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" data-testid="pair-zone">
      <div className="min-w-0 space-y-4">
        <dl className="grid gap-2 text-sm sm:grid-cols-2" data-testid="pair-versions">
          <div className="rounded-md border-l-4 bg-white px-3 py-2" style={{ borderColor: OFFER_COLOURS.UPSTREAM }}>
            <dt className="text-xs text-slate-600">{t('pair.lowerFrom')}</dt>
            <dd className="font-medium text-water-900">{lower ? versionLabel(lower) : '—'}</dd>
          </div>
          <div className="rounded-md border-l-4 bg-white px-3 py-2" style={{ borderColor: OFFER_COLOURS.DOWNSTREAM }}>
            <dt className="text-xs text-slate-600">{t('pair.upperFrom')}</dt>
            <dd className="font-medium text-water-900">{upper ? versionLabel(upper) : '—'}</dd>
          </div>
        </dl>
        {pair.missing.map((m) => (
          <Notice key={m.code} tone="warning" testId={`pair-missing-${m.bound}`}>
            {t('pair.missingLine', { message: m.message, next: t(`pair.missingNext.${m.code === 'lowerBoundNotStated' ? m.code : m.bound}`) })}
          </Notice>
        ))}
        <p className="text-sm text-slate-600" data-testid="pair-units">
          {t('pair.units', { unit: unitWord, priceBase: priceBases.join(' / ') || '—' })}
        </p>
        {(priceBases.length > 1 || currencies.size > 1) && <Notice tone="warning">{t('pair.differentBases')}</Notice>}
        {(lowerOnly > 0 || upperOnly > 0) && (
          <p className="text-xs text-slate-600" data-testid="pair-coverage">
            {t('pair.coverage', { lowerOnly, upperOnly })}
          </p>
        )}

        <ZoneChartCard
          ids={{ slider: 'pair-weight', sliderTestId: 'pair-weight-slider', valueTestId: 'pair-weight-value', chartTestId: 'pair-chart' }}
          weight={slider}
          resetLabel={t('pair.weightReset', { weight: slider.start })}
          notes={!anyZone && lower && upper && <p className="mt-2 text-xs text-amber-800">{t('pair.noCommonYears')}</p>}
          option={option}
          height={380}
          chartLabel={t('pair.chartLabel')}
          lower={{ text: t('pair.legendLower'), colour: OFFER_COLOURS.UPSTREAM }}
          upper={{ text: t('pair.legendUpper'), colour: OFFER_COLOURS.DOWNSTREAM }}
        />

        {totals && (
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="pair-totals">
            <span className="text-slate-600">{t('pair.totals', { count: totals.years })}</span>
            <span>
              {t('chart.lower')} <Money value={totals.lower} unit={unit} scale={scale} />
            </span>
            <span>
              {t('chart.upper')} <Money value={totals.upper} unit={unit} scale={scale} />
            </span>
            <span className="font-medium text-water-900">
              {t('chart.suggested')} <Money value={totals.suggested} unit={unit} scale={scale} testId="pair-total-suggested" />
            </span>
          </p>
        )}
        {parties && (
          <PartyZone
            parties={parties}
            totals={totals}
            periods={periods.map((p) => ({ key: `${p.from}-${p.to}`, label: p.label, lowerBound: p.lowerBound, upperBound: p.upperBound, suggestedPayment: p.suggestedPayment }))}
            unit={unit}
            scale={scale}
            lang={lang}
          />
        )}
        <h2 className="text-lg font-semibold text-water-900">{t('pair.tableTitle')}</h2>
        <Tabs
          label={t('table.by')}
          value={by}
          onChange={setBy}
          tabs={[
            { key: 'period', label: t('table.byPeriod'), testId: 'pair-by-period' },
            { key: 'year', label: t('table.byYear'), testId: 'pair-by-year' },
          ]}
        >
          <div className="rounded-lg border border-slate-200 bg-white px-3 py-2">
            <DataTable
              columns={columns}
              data={rows}
              rowKey={(r) => r.key}
              caption={t('pair.tableTitle')}
              testId="pair-table"
              rowTestId="pair-row"
              empty={<p className="p-3 text-sm text-slate-600">{t('pair.noRows')}</p>}
            />
            <p className="pt-2 text-xs text-slate-500">{by === 'period' ? t('table.captionPeriods') : t('table.captionYears')}</p>
          </div>
        </Tabs>
      </div>

      <aside className="min-w-0">
        {fairness ? <PairFairnessPanel version={fairness} weight={weight} lang={lang} parties={parties} /> : <EmptyState size="panel" hint={t('pair.fairnessNeedsBoth')} testId="pair-fairness-none" />}
      </aside>
    </div>
  );
}

/** What a row of the pair says: a zone, a gap, a bound missing, or a year only one version has. */
function RowState({ row }: { row: PairRow }) {
  const t = useTranslations('negotiation');
  if (row.coverage === 'lowerOnly') return <Badge tone="quiet">{t('pair.state.lowerOnly')}</Badge>;
  if (row.coverage === 'upperOnly') return <Badge tone="quiet">{t('pair.state.upperOnly')}</Badge>;
  if (row.feasible === true) return <Badge tone="success">{t('pair.state.zone')}</Badge>;
  if (row.feasible === false) return <Badge tone="danger">{t('pair.state.gap')}</Badge>;
  return <Badge tone="quiet">{row.upperBound === null ? t('pair.state.noUpper') : t('pair.state.noLower')}</Badge>;
}
