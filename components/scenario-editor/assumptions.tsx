'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { memo, useMemo, useState } from 'react';
import { CATEGORIES, GROUPS, type Category, type Group } from '@/lib/engine/categories';
import { EditCell, onGridKeyDown } from './cells';
import { useEditor } from './editor-context';
import {
  addOverride,
  alphaPath,
  overridePath,
  removeOverride,
  settingPath,
  spanRowsGrid,
  waterVolumePath,
  setAlphaSpan,
  setOverrideSpan,
  setSetting,
  setWaterVolumeSpan,
  spanValue,
  type CellKind,
  type ScenarioDocument,
  type SettingField,
  type Span,
  type ValuesText,
} from './model';

interface GridRow {
  id: string;
  /** The document path of the row's cell over a span (model/cell-path.ts). */
  pathOf: (span: Span) => string;
  label: string;
  hint?: string;
  values: ValuesText | undefined;
  commit: (from: number, to: number, text: string) => void;
  remove?: () => void;
}

/** A small grid "row × period" of values maps (α, α overrides, water volume). */
function SpanGrid({ rows, spans, kind, testId, emptyMeans }: { rows: GridRow[]; spans: readonly Span[]; kind: CellKind; testId: string; emptyMeans?: string }) {
  const t = useTranslations('editor');
  const { readOnly, formatUnitAmount } = useEditor();
  const grid = useMemo(
    () =>
      spanRowsGrid(
        rows.map((r) => r.pathOf),
        spans,
        kind,
      ),
    [rows, spans, kind],
  );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" onKeyDown={onGridKeyDown}>
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        {emptyMeans && <caption className="caption-bottom px-3 py-1.5 text-left text-xs text-slate-500">{emptyMeans}</caption>}
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="min-w-[13rem] border-b border-slate-200 px-3 py-2 text-left font-medium" />
            {spans.map((s) => (
              <th key={s.id} scope="col" className="min-w-[6.5rem] border-b border-slate-200 px-2 py-2 text-right font-medium">
                {s.label}
              </th>
            ))}
            {!readOnly && <th className="w-10 border-b border-slate-200" />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-1 text-left font-normal">
                <span className="font-medium">{row.label}</span>
                {row.hint && <span className="ml-1.5 text-xs text-slate-500">{row.hint}</span>}
              </th>
              {spans.map((s, si) => {
                const v = spanValue(row.values, s.from, s.to);
                return (
                  <td key={s.id} className="px-1 py-0.5">
                    <EditCell
                      value={v.kind === 'uniform' ? v.value : ''}
                      placeholder={v.kind === 'mixed' ? t('table.varies', { average: formatUnitAmount(v.average) }) : undefined}
                      hint={v.kind === 'mixed' ? t('table.variesHint') : undefined}
                      kind={kind}
                      path={row.pathOf(s)}
                      grid={grid}
                      readOnly={readOnly}
                      navCol={si + 1}
                      testId={`${testId}-${row.id}-${si}`}
                      label={`${row.label}, ${s.label}`}
                      onCommit={(text) => row.commit(s.from, s.to, text)}
                    />
                  </td>
                );
              })}
              {!readOnly && (
                <td className="px-1 text-right">
                  {row.remove && (
                    <Button intent="iconDanger" size="row" onClick={row.remove} title={t('table.remove')} aria-label={t('table.removeOf', { label: row.label })}>
                      ✕
                    </Button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** α per group and period, and the per-category overrides. */
export const AlphaEditor = memo(function AlphaEditor({ alpha, overrides, spans }: { alpha: ScenarioDocument['alpha']; overrides: ScenarioDocument['alphaOverrides']; spans: readonly Span[] }) {
  const t = useTranslations('editor');
  const { actions, readOnly } = useEditor();
  const [newOverride, setNewOverride] = useState<Category | ''>('');
  const groupRows: GridRow[] = GROUPS.map((g: Group) => ({
    id: g,
    pathOf: (span) => alphaPath(g, span),
    label: `α ${g}`,
    hint: t(`groups.${g}`),
    values: alpha[g],
    commit: (from, to, text) => actions.apply((d) => setAlphaSpan(d, g, from, to, text)),
  }));
  const overrideRows: GridRow[] = Object.keys(overrides ?? {}).map((code) => ({
    id: code,
    pathOf: (span) => overridePath(code, span),
    label: `α ${code}`,
    hint: (CATEGORIES as readonly string[]).includes(code) ? t(`categories.${code}`) : undefined,
    values: overrides?.[code],
    commit: (from, to, text) => actions.apply((d) => setOverrideSpan(d, code as Category, from, to, text)),
    remove: () => actions.apply((d) => removeOverride(d, code)),
  }));
  const available = CATEGORIES.filter((c) => !overrides?.[c]);
  return (
    <div className="space-y-3">
      <SpanGrid rows={groupRows} spans={spans} kind="fraction" testId="alpha" emptyMeans={t('alpha.emptyMeans')} />
      <h4 className="pt-1 text-sm font-semibold text-slate-700">{t('alpha.overrides')}</h4>
      <p className="text-xs text-slate-500">{t('alpha.overridesHint')}</p>
      {overrideRows.length > 0 && <SpanGrid rows={overrideRows} spans={spans} kind="fraction" testId="alpha-overrides" />}
      {!readOnly && available.length > 0 && (
        <div className="flex items-center gap-2">
          <Select size="xs" value={newOverride} onChange={(e) => setNewOverride(e.target.value as Category | '')} aria-label={t('alpha.overrideCategory')}>
            <option value="">{t('alpha.chooseCategory')}</option>
            {available.map((c) => (
              <option key={c} value={c}>
                {c} {t(`categories.${c}`)}
              </option>
            ))}
          </Select>
          <Button
            intent="add"
            size="tool"
            disabled={!newOverride}
            onClick={() => {
              if (!newOverride) return;
              actions.apply((d) => addOverride(d, newOverride));
              setNewOverride('');
            }}
          >
            + {t('alpha.addOverride')}
          </Button>
        </div>
      )}
    </div>
  );
});

export const WaterVolumeEditor = memo(function WaterVolumeEditor({ waterVolume, spans }: { waterVolume: ValuesText | undefined; spans: readonly Span[] }) {
  const t = useTranslations('editor');
  const { actions } = useEditor();
  const rows: GridRow[] = [
    {
      id: 'volume',
      pathOf: waterVolumePath,
      label: t('water.volume'),
      hint: t('water.unit'),
      values: waterVolume,
      commit: (from, to, text) => actions.apply((d) => setWaterVolumeSpan(d, from, to, text)),
    },
  ];
  return <SpanGrid rows={rows} spans={spans} kind="positive" testId="water" emptyMeans={t('water.emptyMeans')} />;
});

interface FieldSpec {
  field: SettingField;
  kind: CellKind | 'text';
  required: boolean;
}

const PAYMENT_FIELDS: FieldSpec[] = [
  { field: 'paymentStartYear', kind: 'year', required: false },
  { field: 'catchUpYears', kind: 'count', required: false },
  { field: 'discountRate', kind: 'fraction', required: false },
  { field: 'bargainingWeight', kind: 'fraction', required: false },
];

const SCENARIO_FIELDS: FieldSpec[] = [
  { field: 'name', kind: 'text', required: true },
  { field: 'currency', kind: 'text', required: true },
  { field: 'unit', kind: 'unit', required: true },
  { field: 'priceBase', kind: 'text', required: true },
  { field: 'startYear', kind: 'year', required: true },
  { field: 'endYear', kind: 'year', required: true },
];

function Fields({ doc, specs, testId }: { doc: ScenarioDocument; specs: FieldSpec[]; testId: string }) {
  const t = useTranslations('editor');
  const { actions, readOnly } = useEditor();
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2" data-testid={testId}>
      {specs.map(({ field, kind, required }) => {
        const raw = (doc as unknown as Record<string, unknown>)[field];
        return (
          <div key={field} className="flex items-start gap-3">
            <dt className="w-44 shrink-0 pt-1.5 text-sm text-slate-600">
              {t(`fields.${field}`)}
              <span className="block text-xs text-slate-400">{t(`fieldHints.${field}`)}</span>
            </dt>
            <dd className="w-full min-w-0">
              <EditCell
                value={raw === undefined || raw === null ? '' : String(raw)}
                kind={kind}
                required={required}
                readOnly={readOnly}
                label={t(`fields.${field}`)}
                testId={`field-${field}`}
                path={settingPath(field)}
                className={kind === 'text' ? '' : 'text-left'}
                boxed
                onCommit={(text) => actions.apply((d) => setSetting(d, field, text))}
              />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function PaymentSettings({ doc }: { doc: ScenarioDocument }) {
  return <Fields doc={doc} specs={PAYMENT_FIELDS} testId="payment-settings" />;
}

export function ScenarioSettings({ doc }: { doc: ScenarioDocument }) {
  return <Fields doc={doc} specs={SCENARIO_FIELDS} testId="scenario-settings" />;
}
