'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { CodeBlock } from '@/components/ui/code';
import { Checkbox } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useMemo, useState } from 'react';
import {
  agriculturalOpportunityCost,
  areaTimesUnitCost,
  avoidedCostTimesVolume,
  industrialOpportunityCost,
  peopleTimesCompensation,
  priceTimesVolume,
  type CalculatorOutcome,
  type PerM3Result,
} from '@/lib/engine/calculators';
import { EditCell, onGridKeyDown } from './cells';
import { calculatorsFor, defaultCalculator, setSpan, spanValue, type AnyItem, type CalculatorEntry, type CalculatorKind, type Span, type ValuesText } from './model';
import { useProblemText } from '@/components/ui/use-problem-text';
import { calculatorFields } from '@/lib/domain/problem-place';
import { FieldProblem } from '@/components/ui/field-problem';

type Draft = Record<string, unknown>;

const RUN: Record<CalculatorKind, (input: unknown) => CalculatorOutcome<unknown>> = {
  areaTimesUnitCost,
  peopleTimesCompensation,
  industrialOpportunityCost,
  agriculturalOpportunityCost,
  priceTimesVolume,
  avoidedCostTimesVolume,
};

/** The per-m³ calculators' result says what it computed, for the row's source note. */
const noteOf = (result: object) => ('note' in result ? (result as PerM3Result<unknown>).note : undefined);

function emptyDraft(kind: CalculatorKind, unit: number | string, startYear: number, firstLabel: string): Draft {
  switch (kind) {
    case 'areaTimesUnitCost':
      return { unit, lines: [{ label: firstLabel, area: {}, unitCost: {} }], fixedItems: [] };
    case 'peopleTimesCompensation':
      return { unit, persons: {}, compensationPerPerson: {} };
    case 'priceTimesVolume':
      return { unit, pricePerM3: {}, volume: {} };
    case 'avoidedCostTimesVolume':
      return { unit, avoidedCostPerM3: {}, volume: {} };
    case 'agriculturalOpportunityCost':
      return { unit, parcels: [{ label: firstLabel, area: {} }], netBenefitPerHa: {} };
    case 'industrialOpportunityCost':
      return {
        unit,
        baseYear: startYear - 1,
        gdp0: '',
        gdpActual: {},
        population: {},
        revenueRatio: {},
        growthFactor: {},
        sourceGrowthBefore: '',
        sourceGrowthAfter: '',
        referenceGrowthBefore: '',
        referenceGrowthAfter: '',
        floorAtZero: false,
      };
  }
}

export interface CalculatorDialogProps {
  /** A cost row (with its category code) or a benefit or downstream-cost row (without). */
  item: AnyItem;
  /** The inputs kept for this row, if any. */
  entry: CalculatorEntry | undefined;
  unit: number | string;
  startYear: number;
  spans: readonly Span[];
  onApply: (entry: CalculatorEntry) => void;
  onClose: () => void;
}

/**
 * "Use a calculator" for one row: for a cost row the §2 calculators of the engine
 * (area × unit cost, people × compensation, eqs. 3–5, eq. 6), for a benefit or
 * downstream-cost row the §4 ones (price × volume, avoided cost per m³ × volume,
 * area × unit cost), with their inputs per period; the result fills the row's
 * values, the inputs are kept beside the document (see ScenarioEditor's
 * calculatorInputs), and a per-m³ result carries a note of what it computed.
 */
export function CalculatorDialog({ item, entry, unit, startYear, spans, onApply, onClose }: CalculatorDialogProps) {
  const t = useTranslations('editor');
  const say = useProblemText();
  const firstLabel = t('calculator.partLabel', { n: 1 });
  const code = 'code' in item ? item.code : undefined;
  const [kind, setKind] = useState<CalculatorKind>(entry?.calculator ?? defaultCalculator(code, 'kind' in item ? item.kind : undefined));
  const [draft, setDraft] = useState<Draft>(() => (entry ? { ...(entry.input as Draft), unit } : emptyDraft(kind, unit, startYear, firstLabel)));
  const outcome = useMemo(() => RUN[kind](draft), [kind, draft]);
  // Inputs whose cell holds a text that is not a value ("95万"): the result would read them as not
  // given, so nothing is applied until each is corrected, as in the editor's own cells.
  const [refused, setRefused] = useState<ReadonlySet<string>>(() => new Set());
  const flag = (key: string) => (flagged: boolean) =>
    setRefused((old) => {
      if (old.has(key) === flagged) return old;
      const next = new Set(old);
      if (flagged) next.add(key);
      else next.delete(key);
      return next;
    });

  const set = (key: string, value: unknown) => setDraft((d) => ({ ...d, [key]: value }));
  const series = (key: string, label: string) => ({ label, values: (draft[key] ?? {}) as ValuesText, onChange: (v: ValuesText) => set(key, v) });
  const partsOf = (key: string) => (draft[key] ?? []) as Draft[];
  const setPart = (key: string, i: number, patch: Draft) =>
    set(
      key,
      partsOf(key).map((p, j) => (j === i ? { ...p, ...patch } : p)),
    );
  const removePart = (key: string, i: number) =>
    set(
      key,
      partsOf(key).filter((_, j) => j !== i),
    );

  let body: React.ReactNode;
  if (kind === 'areaTimesUnitCost' || kind === 'agriculturalOpportunityCost') {
    const partsKey = kind === 'areaTimesUnitCost' ? 'lines' : 'parcels';
    const rows = partsOf(partsKey).flatMap((p, i) => {
      const head = { label: String(p.label ?? ''), onLabel: (l: string) => setPart(partsKey, i, { label: l }), onRemove: () => removePart(partsKey, i) };
      const area = { ...head, label: `${head.label} · ${t('calculator.area')}`, values: (p.area ?? {}) as ValuesText, onChange: (v: ValuesText) => setPart(partsKey, i, { area: v }), part: head };
      if (kind === 'agriculturalOpportunityCost') return [area];
      return [area, { label: `${head.label} · ${t('calculator.unitCost')}`, values: (p.unitCost ?? {}) as ValuesText, onChange: (v: ValuesText) => setPart(partsKey, i, { unitCost: v }) }];
    });
    const fixed =
      kind === 'areaTimesUnitCost'
        ? partsOf('fixedItems').map((f, i) => ({
            label: `${String(f.label ?? '')} · ${t('calculator.fixed')}`,
            values: (f.values ?? {}) as ValuesText,
            onChange: (v: ValuesText) => setPart('fixedItems', i, { values: v }),
            part: { label: String(f.label ?? ''), onLabel: (l: string) => setPart('fixedItems', i, { label: l }), onRemove: () => removePart('fixedItems', i) },
          }))
        : [];
    const extra = kind === 'agriculturalOpportunityCost' ? [series('netBenefitPerHa', t('calculator.netBenefitPerHa'))] : [];
    body = (
      <>
        <SeriesTable rows={[...rows, ...fixed, ...extra]} spans={spans} onFlag={flag} />
        <div className="flex flex-wrap gap-2">
          <Button
            intent="add"
            size="tool"
            onClick={() =>
              set(partsKey, [
                ...partsOf(partsKey),
                kind === 'areaTimesUnitCost'
                  ? { label: t('calculator.partLabel', { n: partsOf(partsKey).length + 1 }), area: {}, unitCost: {} }
                  : { label: t('calculator.partLabel', { n: partsOf(partsKey).length + 1 }), area: {} },
              ])
            }
          >
            + {t('calculator.addPart')}
          </Button>
          {kind === 'areaTimesUnitCost' && (
            <Button intent="add" size="tool" onClick={() => set('fixedItems', [...partsOf('fixedItems'), { label: t('calculator.fixedLabel', { n: partsOf('fixedItems').length + 1 }), values: {} }])}>
              + {t('calculator.addFixed')}
            </Button>
          )}
        </div>
      </>
    );
  } else if (kind === 'priceTimesVolume' || kind === 'avoidedCostTimesVolume') {
    const rateKey = kind === 'priceTimesVolume' ? 'pricePerM3' : 'avoidedCostPerM3';
    body = <SeriesTable rows={[series(rateKey, t(`calculator.${rateKey}`)), series('volume', t('calculator.volume'))]} spans={spans} onFlag={flag} />;
  } else if (kind === 'peopleTimesCompensation') {
    body = <SeriesTable rows={[series('persons', t('calculator.persons')), series('compensationPerPerson', t('calculator.compensationPerPerson'))]} spans={spans} onFlag={flag} />;
  } else {
    const scalar = (key: string, kindOf: 'amount' | 'year' = 'amount') => (
      <label key={key} className="flex items-center gap-2 text-sm">
        <span className="w-56 shrink-0 text-slate-600">{t(`calculator.industrial.${key}`)}</span>
        <span className="w-40">
          <EditCell
            value={String(draft[key] ?? '')}
            kind={kindOf}
            required
            label={t(`calculator.industrial.${key}`)}
            onCommit={(v) => set(key, kindOf === 'year' ? Number(v) : v.trim())}
            className="text-left"
            boxed
            onFlag={flag(key)}
          />
        </span>
      </label>
    );
    body = (
      <>
        <div className="grid gap-2 md:grid-cols-2">
          {scalar('baseYear', 'year')}
          {scalar('gdp0')}
          {scalar('sourceGrowthBefore')}
          {scalar('sourceGrowthAfter')}
          {scalar('referenceGrowthBefore')}
          {scalar('referenceGrowthAfter')}
          <Checkbox className="gap-2 text-sm" checked={draft.floorAtZero === true} onChange={(e) => set('floorAtZero', e.target.checked)} label={t('calculator.industrial.floorAtZero')} />
        </div>
        <SeriesTable
          rows={[
            series('gdpActual', t('calculator.industrial.gdpActual')),
            series('population', t('calculator.industrial.population')),
            series('revenueRatio', t('calculator.industrial.revenueRatio')),
            series('growthFactor', t('calculator.industrial.growthFactor')),
          ]}
          spans={spans}
          onFlag={flag}
        />
      </>
    );
  }

  const apply = () =>
    outcome.ok &&
    onApply({ calculator: kind, input: outcome.result.inputs, appliedValues: outcome.result.values, ...(noteOf(outcome.result) ? { note: noteOf(outcome.result) } : {}) } as CalculatorEntry);
  // The kit's Dialog (the browser's modal <dialog>): Escape, the focus kept inside, the page behind inert.
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('calculator.title', { label: item.label })}
      description={t('calculator.hint', { unit: String(unit) })}
      dismissLabel={t('calculator.cancel')}
      testId="calculator"
      className="w-[calc(100%-2rem)] max-w-5xl"
      footer={
        <>
          <Button intent="secondary" onClick={onClose}>
            {t('calculator.cancel')}
          </Button>
          <Button testId="calculator-apply" disabled={!outcome.ok || Object.keys(outcome.result.values).length === 0 || refused.size > 0} onClick={apply}>
            {t('calculator.apply')}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <label className="flex items-center gap-2 text-sm">
          <span className="text-slate-600">{t('calculator.kind')}</span>
          <Select
            value={kind}
            onChange={(e) => {
              const k = e.target.value as CalculatorKind;
              setKind(k);
              setDraft(entry?.calculator === k ? { ...(entry.input as Draft), unit } : emptyDraft(k, unit, startYear, firstLabel));
            }}
            testId="calculator-kind"
            options={calculatorsFor(code).map((k) => ({ value: k, label: t(`calculator.kinds.${k}`) }))}
          />
        </label>
        <CodeBlock>{t(`calculator.formulas.${kind}`)}</CodeBlock>
        {body}
        <div className="rounded-lg border border-slate-200 p-3" data-testid="calculator-result">
          <h4 className="text-sm font-semibold">{t('calculator.result')}</h4>
          {outcome.ok ? (
            <>
              <table className="mt-2 w-full text-sm">
                <thead className="text-xs text-slate-500">
                  <tr>
                    {spans.map((s) => (
                      <th key={s.id} className="px-2 text-right font-medium">
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    {spans.map((s) => {
                      const v = spanValue(outcome.result.values, s.from, s.to);
                      return (
                        <td key={s.id} className="num px-2 text-right">
                          {v.kind === 'uniform' ? v.value : v.kind === 'mixed' ? t('table.varies', { average: v.average.toSignificantDigits(10).toString() }) : '—'}
                        </td>
                      );
                    })}
                  </tr>
                </tbody>
              </table>
              {noteOf(outcome.result) && (
                <p className="mt-2 text-xs text-slate-700" data-testid="calculator-note">
                  {t('calculator.noteLabel')} {say.message(noteOf(outcome.result)!)}
                </p>
              )}
              <details className="mt-2 text-xs">
                <summary className="cursor-pointer text-water-700">{t('calculator.steps', { count: outcome.result.steps.length })}</summary>
                <ol className="mt-1 max-h-48 space-y-0.5 overflow-y-auto font-mono">
                  {outcome.result.steps.map((s) => (
                    <li key={s.year} className="break-all">
                      {s.year}: {say.message(s.substituted)}
                    </li>
                  ))}
                </ol>
              </details>
            </>
          ) : (
            <ul className="mt-2 space-y-0.5 text-xs text-red-800" data-testid="calculator-problems">
              {outcome.problems.map((p, i) => (
                <li key={`${p.path}-${i}`}>
                  <FieldProblem field={say.place(p.path, draft, calculatorFields)} message={say.message(p)} fieldClassName="font-medium" />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Dialog>
  );
}

interface SeriesRow {
  label: string;
  values: ValuesText;
  onChange: (v: ValuesText) => void;
  part?: { label: string; onLabel: (l: string) => void; onRemove: () => void };
}

/** Inputs that vary by year, entered per period (a period value fills its years). */
function SeriesTable({ rows, spans, onFlag }: { rows: SeriesRow[]; spans: readonly Span[]; onFlag: (key: string) => (flagged: boolean) => void }) {
  const t = useTranslations('editor');
  return (
    <div className="overflow-x-auto rounded border border-slate-200" onKeyDown={onGridKeyDown}>
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th className="min-w-[14rem] px-2 py-1.5 text-left font-medium">{t('calculator.input')}</th>
            {spans.map((s) => (
              <th key={s.id} className="min-w-[6rem] px-2 py-1.5 text-right font-medium">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, ri) => (
            <tr key={ri} className="border-t border-slate-100">
              <th scope="row" className="px-2 py-0.5 text-left font-normal">
                {row.part ? (
                  <div className="flex items-center gap-1">
                    <span className="w-32">
                      <EditCell value={row.part.label} kind="text" required label={t('calculator.partName')} onCommit={row.part.onLabel} boxed onFlag={onFlag(`${ri}.label`)} />
                    </span>
                    <span className="text-xs text-slate-500">{row.label.slice(row.part.label.length + 3)}</span>
                    <Button intent="iconDanger" size="row" className="ml-auto" onClick={row.part.onRemove} aria-label={t('table.removeOf', { label: row.part.label })}>
                      ✕
                    </Button>
                  </div>
                ) : (
                  row.label
                )}
              </th>
              {spans.map((s, si) => {
                const v = spanValue(row.values, s.from, s.to);
                return (
                  <td key={s.id} className="px-1 py-0.5">
                    <EditCell
                      value={v.kind === 'uniform' ? v.value : ''}
                      placeholder={v.kind === 'mixed' ? t('table.varies', { average: v.average.toSignificantDigits(8).toString() }) : undefined}
                      kind="amount"
                      navCol={si + 1}
                      label={`${row.label}, ${s.label}`}
                      onFlag={onFlag(`${ri}.${s.id}`)}
                      onCommit={(text) => row.onChange(setSpan(row.values, s.from, s.to, text, spans))}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
