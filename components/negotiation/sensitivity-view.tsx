'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { EChart, type EChartOption } from '@/components/ui/echart';
import { Field } from '@/components/ui/field';
import { Money } from '@/components/ui/money';
import { Select } from '@/components/ui/select';
import { useReaderUnit } from '@/components/reader-unit';
import { amountUnitWord, formatAmount, type AmountScale } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';
import { D, type Dec } from '@/lib/engine/decimal';
import { SENSITIVITY_MEASURES, type CellJson, type MeasuresJson, type SensitivityFactor, type SensitivityJson, type SensitivityMeasure } from '@/lib/engine/sensitivity';
import { escapeHtml, percent, signedPercent } from './format';
import { Notice } from '@/components/ui/notice';

type Scope = 'total' | number;
type Factor = SensitivityJson['factors'][number];
const LOW_COLOUR = '#0284c7';
const HIGH_COLOUR = '#ea580c';

const pick = (m: MeasuresJson, measure: SensitivityMeasure, scope: Scope): Dec | null => {
  const v = scope === 'total' ? m[measure].total : (m[measure].periods[scope] ?? null);
  return v === null ? null : new D(v);
};

/** Amounts in the reader's unit (decision 0050); the price per m³ in whole currency per m³. */
function useMeasureText(measure: SensitivityMeasure, unit: number, scale: AmountScale, lang: AppLocale) {
  return useCallback(
    (value: Dec | null, signed = false) => {
      if (value === null) return '—';
      const digits = (v: Dec) => (measure === 'pricePerM3' ? formatAmount(v, lang, { fractionDigits: 4, withSuffix: false }) : formatAmount(v, lang, { unit, scale, withSuffix: false }));
      if (!signed) return digits(value);
      const text = digits(value.abs());
      return value.isZero() || /^[0.,\s]+$/.test(text) ? text : `${value.isNegative() ? '−' : '+'}${text}`;
    },
    [measure, unit, scale, lang],
  );
}

/**
 * The tornado (each parameter at −p and +p, sorted by how far it moves the chosen measure) and a
 * two-way table of any two parameters of one version, for the whole range or one period. A
 * measure the version does not state (the lower bound of a downstream scenario without costs) is
 * "not stated", never 0.
 */
export function SensitivityView({ data, lang }: { data: SensitivityJson; lang: AppLocale }) {
  const t = useTranslations('negotiation');
  const scale = useReaderUnit();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const stated = (m: SensitivityMeasure) => data.base[m].total !== null || data.base[m].periods.some((v) => v !== null);
  const [measure, setMeasure] = useState<SensitivityMeasure>(() => SENSITIVITY_MEASURES.find(stated) ?? 'lowerBound');
  const [scope, setScope] = useState<Scope>('total');
  const unit = data.unit;
  const change = new D(data.change);
  const text = useMeasureText(measure, unit, scale, lang);
  const unitWord = measure === 'pricePerM3' ? t('sensitivity.pricePerM3Unit') : amountUnitWord(scale, lang);
  const base = pick(data.base, measure, scope);
  const lowName = signedPercent(change.neg(), lang);
  const highName = signedPercent(change, lang);
  const scopeLabel =
    scope === 'total' ? t('sensitivity.scopeTotal', { from: data.periods[0]?.from ?? '', to: data.periods.at(-1)?.to ?? '' }) : t('sensitivity.scopePeriod', { period: data.periods[scope]!.label });

  const factorLabel = useCallback(
    (f: SensitivityFactor) => {
      switch (f.kind) {
        case 'alpha':
        case 'cost':
          return t(f.kind === 'alpha' ? 'sensitivity.factor.alpha' : 'sensitivity.factor.cost', { group: f.group, name: t(`groups.${f.group}`) });
        default:
          return t(`sensitivity.factor.${f.kind}`);
      }
    },
    [t],
  );

  const rows = useMemo(() => {
    const list = data.factors.map((f) => {
      const low = pick(f.low.delta, measure, scope);
      const high = pick(f.high.delta, measure, scope);
      return { f, low, high, swing: D.max(low?.abs() ?? 0, high?.abs() ?? 0) };
    });
    return list.sort((a, b) => b.swing.comparedTo(a.swing));
  }, [data, measure, scope]);

  const option = ((): EChartOption => {
    const labels = rows.map((r) => factorLabel(r.f.factor));
    // Chart coordinates only, in the reader's unit: the labels print the decimals.
    const coordinate = (v: Dec | null) =>
      v === null
        ? 0
        : Number(
            measure === 'pricePerM3'
              ? v.toFixed(6)
              : v
                  .times(unit)
                  .div(scale === 'yi' ? 1e8 : scale === 'wan' ? 1e4 : 1e3)
                  .toFixed(4),
          );
    const bar = (name: string, colour: string, values: (Dec | null)[]) => ({
      type: 'bar' as const,
      name,
      barGap: '-100%',
      barMaxWidth: 16,
      itemStyle: { color: colour },
      data: values.map((v) => ({ value: coordinate(v), label: { position: v?.isNegative() ? ('left' as const) : ('right' as const) } })),
      label: { show: true, fontSize: 11, color: '#334155', formatter: (p: { dataIndex: number }) => (values[p.dataIndex]?.isZero() !== false ? '' : text(values[p.dataIndex]!, true)) },
    });
    return {
      animation: false,
      legend: { top: 0, data: [lowName, highName] },
      grid: { left: 8, right: 72, top: 32, bottom: 30, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const index = Array.isArray(params) ? (params[0] as { dataIndex: number }).dataIndex : 0;
          const r = rows[index];
          if (!r) return '';
          return `<b>${escapeHtml(factorLabel(r.f.factor))}</b><br/>${escapeHtml(lowName)}: ${escapeHtml(text(r.low, true))}<br/>${escapeHtml(highName)}: ${escapeHtml(text(r.high, true))}`;
        },
      },
      // Room beyond the longest bars for their labels, which would otherwise run into the factor names.
      xAxis: {
        type: 'value',
        name: t('sensitivity.axis', { scale: unitWord }),
        nameLocation: 'middle',
        nameGap: 26,
        min: (v: { min: number }) => v.min * 1.35,
        max: (v: { max: number }) => v.max * 1.35,
        axisLabel: { showMinLabel: false, showMaxLabel: false },
        splitLine: { lineStyle: { color: '#e2e8f0' } },
      },
      yAxis: { type: 'category', data: labels, inverse: true, axisTick: { show: false } },
      series: [
        bar(
          lowName,
          LOW_COLOUR,
          rows.map((r) => r.low),
        ),
        bar(
          highName,
          HIGH_COLOUR,
          rows.map((r) => r.high),
        ),
      ],
    };
  })();

  const factorNote = (f: Factor, side: 'low' | 'high') => {
    const o = f[side];
    if (f.factor.kind === 'rate') return t('sensitivity.rateValue', { from: percent(new D(f.baseValue ?? '0'), lang, 2), to: percent(new D(o.value ?? '0'), lang, 2) });
    if (f.factor.kind === 'bargainingWeight') return t('sensitivity.weightValue', { from: f.baseValue ?? '', to: o.value ?? '' });
    return o.clamped ? t('sensitivity.clamped') : '';
  };
  type TornadoRow = (typeof rows)[number];
  const sideColumns = (side: 'low' | 'high', name: string): ColumnDef<TornadoRow, unknown>[] => [
    {
      id: `${side}-value`,
      header: name,
      meta: { numeric: true, nowrap: true },
      cell: ({ row }) => (
        <>
          {text(pick(row.original.f[side].measures, measure, scope))}
          {factorNote(row.original.f, side) && <span className="block text-xs text-slate-500">{factorNote(row.original.f, side)}</span>}
        </>
      ),
    },
    {
      id: `${side}-delta`,
      header: t('sensitivity.deltaHeading'),
      meta: { numeric: true, nowrap: true },
      cell: ({ row }) => {
        const d = row.original[side];
        return <span className={d === null || d.isZero() ? 'text-slate-400' : side === 'low' ? 'text-sky-700' : 'text-orange-700'}>{text(d, true)}</span>;
      },
    },
  ];
  const tornadoColumns: ColumnDef<TornadoRow, unknown>[] = [
    { id: 'factor', header: t('sensitivity.factorHeading'), cell: ({ row }) => <span data-testid={`factor-${row.original.f.id}`}>{factorLabel(row.original.f.factor)}</span> },
    ...sideColumns('low', lowName),
    ...sideColumns('high', highName),
  ];

  const parameterOptions = data.parameters.map((p) => ({ value: p.id, label: factorLabel(p.factor) }));
  const chooseAxis = (axis: 'rows' | 'cols', id: string) => {
    const next = new URLSearchParams(searchParams.toString());
    const other = axis === 'rows' ? 'cols' : 'rows';
    next.set(axis, id);
    next.set(other, data.twoWay?.[other].id ?? '');
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <Field label={t('sensitivity.measure')}>
          <Select
            value={measure}
            onChange={(e) => setMeasure(e.target.value as SensitivityMeasure)}
            testId="measure-select"
            options={SENSITIVITY_MEASURES.map((m) => ({
              value: m,
              label: stated(m) ? t(`sensitivity.measures.${m}`) : t('sensitivity.measureNotStated', { measure: t(`sensitivity.measures.${m}`) }),
              disabled: !stated(m),
            }))}
          />
        </Field>
        <Field label={t('sensitivity.scope')}>
          <Select
            value={String(scope)}
            onChange={(e) => setScope(e.target.value === 'total' ? 'total' : Number(e.target.value))}
            testId="scope-select"
            options={[
              { value: 'total', label: t('sensitivity.scopeTotal', { from: data.periods[0]?.from ?? '', to: data.periods.at(-1)?.to ?? '' }) },
              ...data.periods.map((p, i) => ({ value: String(i), label: t('sensitivity.scopePeriod', { period: p.label }) })),
            ]}
          />
        </Field>
        <p className="text-slate-600" data-testid="sensitivity-units">
          {t('units', { scale: unitWord, priceBase: data.priceBase })}
        </p>
      </div>
      {!data.lowerBoundStated && (
        <Notice tone="warning" role="status" testId="lower-not-stated">
          {t('sensitivity.lowerNotStated')}
        </Notice>
      )}
      <p className="text-sm text-slate-600">{t(`sensitivity.measureHint.${measure}`)}</p>

      <section aria-labelledby="tornado-title" className="space-y-2">
        <h2 id="tornado-title" className="text-lg font-semibold text-water-900">
          {t('sensitivity.tornadoTitle', { change: percent(change, lang, 0) })}
        </h2>
        <p className="text-sm text-slate-600">
          {t('sensitivity.base', { scope: scopeLabel })}{' '}
          {measure === 'pricePerM3' ? (
            <span className="num font-semibold text-water-900">
              {text(base)} {unitWord}
            </span>
          ) : (
            <Money value={base} unit={unit} scale={scale} className="font-semibold text-water-900" testId="sensitivity-base" />
          )}
        </p>
        {rows.length > 0 && (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <EChart option={option} height={Math.max(220, 40 + rows.length * 30)} label={t('sensitivity.tornadoLabel')} testId="tornado-chart" />
          </div>
        )}
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <DataTable columns={tornadoColumns} data={rows} rowKey={(r) => r.f.id} testId="tornado-table" caption={t('sensitivity.tableCaption', { scale: unitWord })} />
          <p className="mt-2 text-xs text-slate-500">{t('sensitivity.tableCaption', { scale: unitWord })}</p>
        </div>
        {measure === 'lowerBound' && data.factors.some((f) => f.factor.kind === 'rate') && <p className="text-xs text-slate-600">{t('sensitivity.rateNote')}</p>}
      </section>

      {data.twoWay && (
        <TwoWaySection
          table={data.twoWay}
          parameterOptions={parameterOptions}
          onChoose={chooseAxis}
          cellText={(cell) => text(pick(cell.measures, measure, scope))}
          measureLabel={t(`sensitivity.measures.${measure}`)}
          scopeLabel={scopeLabel}
          unitWord={unitWord}
          lang={lang}
        />
      )}
    </div>
  );
}

type TwoWayRow = { change: string; cells: CellJson[] };

/** Any two parameters against each other: rows × columns of relative moves, cells = the chosen measure. */
function TwoWaySection({
  table,
  parameterOptions,
  onChoose,
  cellText,
  measureLabel,
  scopeLabel,
  unitWord,
  lang,
}: {
  table: NonNullable<SensitivityJson['twoWay']>;
  parameterOptions: { value: string; label: string }[];
  onChoose: (axis: 'rows' | 'cols', id: string) => void;
  cellText: (cell: CellJson) => string;
  measureLabel: string;
  scopeLabel: string;
  unitWord: string;
  lang: AppLocale;
}) {
  const t = useTranslations('negotiation');
  const labelOf = (id: string) => parameterOptions.find((o) => o.value === id)?.label ?? id;
  const data: TwoWayRow[] = table.rows.changes.map((change, i) => ({ change, cells: table.cells[i]! }));
  const columns: ColumnDef<TwoWayRow, unknown>[] = [
    {
      id: 'row',
      header: t('sensitivity.twoWayCorner', { rows: labelOf(table.rows.id), cols: labelOf(table.cols.id) }),
      cell: ({ row }) => <span className={new D(row.original.change).isZero() ? 'font-semibold text-water-900' : ''}>{signedPercent(new D(row.original.change), lang)}</span>,
    },
    ...table.cols.changes.map((change, j): ColumnDef<TwoWayRow, unknown> => ({
      id: `c${j}`,
      header: signedPercent(new D(change), lang),
      meta: { numeric: true, nowrap: true },
      cell: ({ row }) => {
        const cell = row.original.cells[j]!;
        const isBase = new D(row.original.change).isZero() && new D(change).isZero();
        return (
          <span className={isBase ? 'font-semibold text-water-900 underline' : ''} data-testid={isBase ? 'two-way-base' : undefined} title={cell.clamped ? t('sensitivity.clamped') : undefined}>
            {cellText(cell)}
            {cell.clamped && <sup className="text-amber-700">*</sup>}
          </span>
        );
      },
    })),
  ];
  return (
    <section aria-labelledby="two-way-title" className="space-y-2">
      <h2 id="two-way-title" className="text-lg font-semibold text-water-900">
        {t('sensitivity.twoWayTitle')}
      </h2>
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <Field label={t('sensitivity.twoWayRows')}>
          <Select
            value={table.rows.id}
            onChange={(e) => onChoose('rows', e.target.value)}
            testId="two-way-rows"
            options={parameterOptions.map((o) => ({ ...o, disabled: o.value === table.cols.id }))}
          />
        </Field>
        <Field label={t('sensitivity.twoWayCols')}>
          <Select
            value={table.cols.id}
            onChange={(e) => onChoose('cols', e.target.value)}
            testId="two-way-cols"
            options={parameterOptions.map((o) => ({ ...o, disabled: o.value === table.rows.id }))}
          />
        </Field>
      </div>
      <p className="text-sm text-slate-600">{t('sensitivity.twoWayHint', { measure: measureLabel, scope: scopeLabel, scale: unitWord })}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-3">
        <DataTable columns={columns} data={data} rowKey={(r) => r.change} testId="two-way-table" caption={t('sensitivity.twoWayHint', { measure: measureLabel, scope: scopeLabel, scale: unitWord })} />
      </div>
      <p className="text-xs text-slate-600">{t('sensitivity.twoWayBase')}</p>
    </section>
  );
}
