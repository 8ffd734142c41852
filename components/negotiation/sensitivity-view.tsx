'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { ToggleGroup } from '@/components/ui/toggle-group';
import { useCallback, useMemo, useState } from 'react';
import { D, ZERO, type Dec } from '@/lib/engine/decimal';
import type { MeasuresJson, SensitivityJson, SensitivityMeasure } from '@/lib/engine/sensitivity';
import type { AppLocale } from '@/lib/domain/locale';
import { EChart, type EChartOption } from '@/components/ui/echart';
import { escapeHtml, money, percent, signedMoney, signedPercent } from './format';
import { chooseScale, toChartNumber } from './zone-math';

type Scope = 'total' | number;
const LOW_COLOUR = '#0284c7';
const HIGH_COLOUR = '#ea580c';

const pick = (m: MeasuresJson, measure: SensitivityMeasure, scope: Scope): Dec => new D(scope === 'total' ? m[measure].total : m[measure].periods[scope]!);

/**
 * The tornado (each factor at −p and +p, sorted by how far it moves the chosen measure) and the
 * α × rate table of one version, for the whole range (sum) or one period (annual average).
 */
export function SensitivityView({ data, lang }: { data: SensitivityJson; lang: AppLocale }) {
  const t = useTranslations('negotiation');
  const [measure, setMeasure] = useState<SensitivityMeasure>('lowerBound');
  const [scope, setScope] = useState<Scope>('total');
  const unit = data.unit;
  const change = new D(data.change);
  const base = pick(data.base, measure, scope);
  const scale = chooseScale([{ value: base, unit }, ...data.factors.flatMap((f) => [{ value: pick(f.low.measures, measure, scope), unit }, { value: pick(f.high.measures, measure, scope), unit }])]);
  const scaleWord = t(`scale.${scale}`, { currency: lang === 'zh' && data.currency === 'CNY' ? '元' : data.currency });
  const lowName = signedPercent(change.neg(), lang);
  const highName = signedPercent(change, lang);
  const scopeLabel = scope === 'total' ? t('sensitivity.scopeTotal', { from: data.periods[0]?.from ?? '', to: data.periods.at(-1)?.to ?? '' }) : t('sensitivity.scopePeriod', { period: data.periods[scope]!.label });

  const factorLabel = useCallback(
    (f: SensitivityJson['factors'][number]) =>
      f.factor.kind === 'rate' ? t('sensitivity.factor.rate') : t(f.factor.kind === 'alpha' ? 'sensitivity.factor.alpha' : 'sensitivity.factor.cost', { group: f.factor.group, name: t(`groups.${f.factor.group}`) }),
    [t],
  );

  const rows = useMemo(() => {
    const list = data.factors.map((f) => {
      const low = pick(f.low.delta, measure, scope);
      const high = pick(f.high.delta, measure, scope);
      return { f, low, high, swing: D.max(low.abs(), high.abs()) };
    });
    return list.sort((a, b) => b.swing.comparedTo(a.swing));
  }, [data, measure, scope]);

  // Rebuilt on each render: renders come from the measure and scope choices, which change it anyway.
  const option = ((): EChartOption => {
    const labels = rows.map((r) => (r.f.factor.kind === 'rate' ? t('sensitivity.factor.rate') : `${r.f.factor.kind === 'alpha' ? 'α' : t('sensitivity.costShort')} · ${r.f.factor.group}`));
    const text = (v: Dec) => signedMoney(v, unit, scale, lang);
    const bar = (name: string, colour: string, values: Dec[]) => ({
      type: 'bar' as const,
      name,
      barGap: '-100%',
      barMaxWidth: 16,
      itemStyle: { color: colour },
      // Chart coordinates only: the labels print the decimals.
      data: values.map((v) => ({ value: toChartNumber(v, unit, scale), label: { position: v.isNegative() ? ('left' as const) : ('right' as const) } })),
      label: { show: true, fontSize: 11, color: '#334155', formatter: (p: { dataIndex: number }) => (values[p.dataIndex]!.isZero() ? '' : text(values[p.dataIndex]!)) },
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
          return `<b>${escapeHtml(factorLabel(r.f))}</b><br/>${escapeHtml(lowName)}: ${escapeHtml(text(r.low))}<br/>${escapeHtml(highName)}: ${escapeHtml(text(r.high))}`;
        },
      },
      xAxis: { type: 'value', name: t('sensitivity.axis', { scale: scaleWord }), nameLocation: 'middle', nameGap: 26, splitLine: { lineStyle: { color: '#e2e8f0' } } },
      yAxis: { type: 'category', data: labels, inverse: true, axisTick: { show: false } },
      series: [bar(lowName, LOW_COLOUR, rows.map((r) => r.low)), bar(highName, HIGH_COLOUR, rows.map((r) => r.high))],
    };
  })();

  const cells = data.grid.cells.map((row) => row.map((c) => pick(c.measures, measure, scope)));
  const flat = cells.flat();
  const [min, max] = flat.reduce<[Dec, Dec]>(([lo, hi], v) => [v.lt(lo) ? v : lo, v.gt(hi) ? v : hi], [flat[0] ?? ZERO, flat[0] ?? ZERO]);
  /** Cell shading between the table's smallest and largest value; an opacity, so a number. */
  const shade = (v: Dec) => (max.eq(min) ? 0 : v.minus(min).div(max.minus(min)).times(0.35).toDecimalPlaces(3).toNumber());
  const baseRateIndex = data.grid.rates.findIndex((r) => new D(r).eq(data.rate));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <div className="grid gap-1">
          <span className="text-slate-600" aria-hidden>
            {t('sensitivity.measure')}
          </span>
          <ToggleGroup
            label={t('sensitivity.measure')}
            value={measure}
            onChange={setMeasure}
            options={(['lowerBound', 'payment'] as const).map((m) => ({ value: m, label: t(`sensitivity.measures.${m}`), testId: `measure-${m}` }))}
          />
        </div>
        <Field label={t('sensitivity.scope')}>
          <Select
            value={String(scope)}
            onChange={(e) => setScope(e.target.value === 'total' ? 'total' : Number(e.target.value))}
            testId="scope-select"
            options={[{ value: 'total', label: t('sensitivity.scopeTotal', { from: data.periods[0]?.from ?? '', to: data.periods.at(-1)?.to ?? '' }) }, ...data.periods.map((p, i) => ({ value: String(i), label: t('sensitivity.scopePeriod', { period: p.label }) }))]}
          />
        </Field>
        <p className="text-slate-600" data-testid="sensitivity-units">
          {t('units', { scale: scaleWord, priceBase: data.priceBase })}
        </p>
      </div>
      <p className="text-sm text-slate-600">{t(`sensitivity.measureHint.${measure}`)}</p>

      <section aria-labelledby="tornado-title" className="space-y-2">
        <h2 id="tornado-title" className="text-lg font-semibold text-water-900">
          {t('sensitivity.tornadoTitle', { change: percent(change, lang, 0) })}
        </h2>
        <p className="text-sm text-slate-600">
          {t('sensitivity.base', { scope: scopeLabel })} <span className="num font-semibold text-water-900">{money(base, unit, scale, lang)}</span> {scaleWord}
        </p>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <EChart option={option} height={Math.max(220, 40 + rows.length * 30)} label={t('sensitivity.tornadoLabel')} testId="tornado-chart" />
        </div>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="tornado-table">
            <caption className="caption-bottom px-3 py-1.5 text-left text-xs text-slate-500">{t('sensitivity.tableCaption', { scale: scaleWord })}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t('sensitivity.factorHeading')}
                </th>
                {[lowName, highName].map((name) => (
                  <th key={name} scope="colgroup" colSpan={2} className="border-l border-slate-200 px-3 py-2 text-center font-medium">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ f, low, high }) => {
                const value = (side: 'low' | 'high') => {
                  const o = f[side];
                  if (f.factor.kind === 'rate') return t('sensitivity.rateValue', { from: percent(new D(f.baseValue ?? '0'), lang, 2), to: percent(new D(o.value ?? '0'), lang, 2) });
                  return o.clamped ? t('sensitivity.clamped') : '';
                };
                const cell = (d: Dec, side: 'low' | 'high') => (
                  <>
                    <td className="num border-l border-slate-100 px-3 py-1.5 text-right">
                      {money(pick(f[side].measures, measure, scope), unit, scale, lang)}
                      {value(side) && <span className="block text-xs text-slate-500">{value(side)}</span>}
                    </td>
                    <td className={`num px-3 py-1.5 text-right ${d.isZero() ? 'text-slate-400' : side === 'low' ? 'text-sky-700' : 'text-orange-700'}`}>{signedMoney(d, unit, scale, lang)}</td>
                  </>
                );
                return (
                  <tr key={f.id} className="border-t border-slate-100" data-testid={`factor-${f.id}`}>
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">
                      {factorLabel(f)}
                    </th>
                    {cell(low, 'low')}
                    {cell(high, 'high')}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {measure === 'lowerBound' && <p className="text-xs text-slate-600">{t('sensitivity.rateNote')}</p>}
      </section>

      <section aria-labelledby="grid-title" className="space-y-2">
        <h2 id="grid-title" className="text-lg font-semibold text-water-900">
          {t('sensitivity.gridTitle')}
        </h2>
        <p className="text-sm text-slate-600">{t('sensitivity.gridHint', { scope: scopeLabel, scale: scaleWord })}</p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="alpha-rate-table">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t('sensitivity.gridCorner')}
                </th>
                {data.grid.rates.map((r, i) => (
                  <th key={r} scope="col" className={`px-3 py-2 text-right font-medium ${i === baseRateIndex ? 'text-water-900 underline' : ''}`}>
                    {percent(new D(r), lang, new D(r).times(100).decimalPlaces())}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.grid.alphaChanges.map((a, ai) => (
                <tr key={a} className="border-t border-slate-100">
                  <th scope="row" className={`px-3 py-1.5 text-left font-medium ${new D(a).isZero() ? 'text-water-900 underline' : ''}`}>
                    α {signedPercent(new D(a), lang)}
                  </th>
                  {cells[ai]!.map((v, ri) => {
                    const isBase = new D(a).isZero() && ri === baseRateIndex;
                    return (
                      <td
                        key={data.grid.rates[ri]}
                        className={`num px-3 py-1.5 text-right ${isBase ? 'font-semibold ring-2 ring-water-700 ring-inset' : ''}`}
                        style={{ backgroundColor: `rgba(31, 111, 148, ${shade(v)})` }}
                        data-testid={isBase ? 'grid-base' : undefined}
                        title={data.grid.cells[ai]![ri]!.clamped ? t('sensitivity.clamped') : undefined}
                      >
                        {money(v, unit, scale, lang)}
                        {data.grid.cells[ai]![ri]!.clamped && <sup className="text-amber-700">*</sup>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {measure === 'lowerBound' && <p className="text-xs text-slate-600">{t('sensitivity.rateNote')}</p>}
        <p className="text-xs text-slate-600">{baseRateIndex >= 0 ? t('sensitivity.gridBase', { rate: percent(new D(data.rate), lang, 2) }) : t('sensitivity.gridBaseOff', { rate: percent(new D(data.rate), lang, 2) })}</p>
      </section>
    </div>
  );
}
