'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ToggleGroup } from '@/components/ui/toggle-group';
import dynamic from 'next/dynamic';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatAmount } from '@/lib/domain/format';
import { computeScenario } from '@/lib/engine/compute';
import type { Dec } from '@/lib/engine/decimal';
import { AlphaEditor, PaymentSettings, ScenarioSettings, WaterVolumeEditor } from './assumptions';
import { CellDraftsContext } from './cells';
import { EditorToolbar, useActiveCell } from './editor-toolbar';
import { loadScenarioParser, useScenarioOutcome, type ParsedDocument } from './use-scenario-outcome';
import { EditorContext, type EditorActions, type EditorSettings } from './editor-context';
import { currencyWord as nameCurrency, unitWord as nameUnit } from '@/components/ui/unit-word';
import {
  CellDrafts,
  addItem,
  cellPosition,
  pasteBlock,
  writeCell,
  afterDuplicate,
  afterRemove,
  carryCalculatorInputs,
  duplicateItem,
  itemsOf,
  periodSpans,
  removeItem,
  rowKey,
  sameIndex,
  setItemSpan,
  setBenefitKind,
  fillRowFromCalculator,
  updateItem,
  yearSpans,
  type CalculatorEntry,
  type CalculatorInputs,
  type ItemList,
  type ScenarioDocument,
} from './model';
import { ResultsPanel } from './results-panel';

// The calculators and their schemas load when a row's calculator is first opened (docs/decisions/0065-page-weight.md).
const CalculatorDialog = dynamic(() => import('./calculator-dialog').then((m) => m.CalculatorDialog), { ssr: false });
// The item grids (every item × period a cell input) are drawn in the browser only: rendered on the
// server they were most of the version page's HTML and of its render time and memory under load
// (docs/decisions/0114-editor-grid-in-the-browser.md). Their box keeps a height while they load.
const ItemsTable = dynamic(() => import('./items-table').then((m) => m.ItemsTable), { ssr: false, loading: () => <div aria-busy="true" style={{ minHeight: '10rem' }} /> });

export interface ScenarioEditorProps {
  /** The pes-scenario/1 document being edited (controlled; see toScenarioDocument for raw JSON). */
  document: ScenarioDocument;
  /** Every change that passes the cell's own check, as a new document (the old one is never mutated). */
  onChange: (document: ScenarioDocument) => void;
  readOnly?: boolean;
  /**
   * Inputs of the calculators used for rows, keyed by rowKey(list, index, item)
   * ("costs[3]|C_f|Forest construction"). pes-scenario/1 has no field for them, so
   * they live beside the document. Optional: without it the editor keeps them itself.
   */
  calculatorInputs?: CalculatorInputs;
  onCalculatorInputsChange?: (inputs: CalculatorInputs) => void;
  /**
   * The cells holding text that is not in the document (refused, or a negative amount to
   * confirm). The page that saves passes its own, to keep Save disabled and list them.
   */
  drafts?: CellDrafts;
  /** The first document as the server parsed it: the results of a version only read need no parser in the browser (use-scenario-outcome.ts). */
  parsed: ParsedDocument;
}

/**
 * The scenario editor: the whole pes-scenario/1 document as editable tables, and
 * beside it the results, recomputed in the browser on every valid change.
 */
export function ScenarioEditor({ document, onChange, readOnly = false, calculatorInputs, onCalculatorInputsChange, drafts: givenDrafts, parsed }: ScenarioEditorProps) {
  const t = useTranslations('editor');
  const locale = useLocale() === 'en' ? 'en' : 'zh';
  const [byYear, setByYear] = useState(false);
  const [ownCalc, setOwnCalc] = useState<CalculatorInputs>({});
  const calc = calculatorInputs ?? ownCalc;
  const [calculatorRow, setCalculatorRow] = useState<{ list: ItemList; index: number } | null>(null);
  const [ownDrafts] = useState(() => new CellDrafts());
  const drafts = givenDrafts ?? ownDrafts;
  const activeCell = useActiveCell();

  // Latest document / callbacks for the stable actions below (cells keep their callbacks across renders).
  const latest = useRef({ document, onChange, calc, onCalculatorInputsChange });
  useLayoutEffect(() => {
    latest.current = { document, onChange, calc, onCalculatorInputsChange };
  });

  const actions = useMemo<EditorActions>(() => {
    const commit = (next: ScenarioDocument, nextCalc?: CalculatorInputs) => {
      latest.current.document = next;
      latest.current.onChange(next);
      if (nextCalc) {
        latest.current.calc = nextCalc;
        setOwnCalc(nextCalc);
        latest.current.onCalculatorInputsChange?.(nextCalc);
      }
    };
    /** An edit that can move rows: calculator inputs follow their rows. */
    const rowEdit = (list: ItemList, edit: (d: ScenarioDocument) => ScenarioDocument, oldIndexOf: (j: number) => number | undefined) => {
      const before = latest.current.document;
      const next = edit(before);
      const carried = carryCalculatorInputs(latest.current.calc, list, itemsOf(before, list), itemsOf(next, list), oldIndexOf);
      commit(next, Object.keys(latest.current.calc).length || Object.keys(carried).length ? carried : undefined);
    };
    return {
      apply: (edit) => commit(edit(latest.current.document)),
      setItemSpan: (list, index, from, to, text) => commit(setItemSpan(latest.current.document, list, index, from, to, text)),
      setItemLabel: (list, index, label) => rowEdit(list, (d) => updateItem(d, list, index, { label }), sameIndex),
      setItemCode: (list, index, code) => rowEdit(list, (d) => updateItem(d, list, index, { code }), sameIndex),
      addItem: (list, code) =>
        rowEdit(
          list,
          (d) => addItem(d, list, t('table.newItem'), code),
          (j) => (j < itemsOf(latest.current.document, list).length ? j : undefined),
        ),
      removeItem: (list, index) => {
        rowEdit(list, (d) => removeItem(d, list, index), afterRemove(index));
        drafts.moveRows(list, index, 'removed');
      },
      duplicateItem: (list, index) => {
        rowEdit(list, (d) => duplicateItem(d, list, index, (l) => t('table.copyOf', { label: l })), afterDuplicate(index));
        drafts.moveRows(list, index + 1, 'inserted');
      },
      // The kind does not move rows or rename them: calculator inputs and drafts stay where they are.
      setBenefitKind: (index, kind) => commit(setBenefitKind(latest.current.document, index, kind)),
      openCalculator: (list, index) => setCalculatorRow({ list, index }),
      applyCalculator: (list, index, entry) => {
        const before = latest.current.document;
        const item = itemsOf(before, list)[index];
        if (!item) return;
        // The row's cells take the result as typed values: what is not valid, or negative and not yet confirmed, waits in its cell.
        const fill = fillRowFromCalculator(before, list, index, entry.appliedValues);
        for (const draft of drafts.list()) if (draft.path.startsWith(`${list}[${index}].values`)) drafts.clear(draft.path);
        commit(fill.document, { ...latest.current.calc, [rowKey(list, index, item)]: entry });
        for (const flagged of fill.flagged) drafts.set(flagged);
      },
      focusCell: (path) => activeCell.set(path),
      pasteBlock: (gridOf, path, block) => {
        const before = latest.current.document;
        const grid = gridOf(before);
        const at = cellPosition(grid, path);
        if (!at) return;
        const outcome = pasteBlock(before, grid.at, at.row, at.column, block);
        // A pasted label renames its row: its calculator inputs go with it, as when typed.
        const relabelled = new Set(outcome.written.filter((p) => p.endsWith('.label')).map((p) => p.slice(0, p.indexOf('['))));
        let calc = latest.current.calc;
        for (const list of relabelled) calc = carryCalculatorInputs(calc, list as ItemList, itemsOf(before, list as ItemList), itemsOf(outcome.document, list as ItemList), sameIndex);
        commit(outcome.document, relabelled.size ? calc : undefined);
        for (const written of outcome.written) drafts.clear(written);
        for (const flagged of outcome.flagged) drafts.set(flagged);
      },
      confirmDraft: (path) => {
        const draft = drafts.get(path);
        if (draft?.problem !== 'negative' || draft.value === undefined) return;
        commit(writeCell(latest.current.document, path, draft.value));
        drafts.clear(path);
      },
    };
  }, [t, drafts, activeCell]);

  const unitText = String(document.unit);
  const currencyWord = nameCurrency(t, document.currency);
  const unitWord = nameUnit(t, unitText, document.currency);
  const unitCaption = t('units.caption', { unit: unitWord, priceBase: document.priceBase });
  const formatUnitAmount = useCallback((v: Dec) => formatAmount(v, locale, { withSuffix: false, fractionDigits: v.isInteger() ? 0 : 2 }), [locale]);
  const settings = useMemo<EditorSettings>(() => ({ locale, readOnly, unitCaption, unitWord, formatUnitAmount, actions }), [locale, readOnly, unitCaption, unitWord, formatUnitAmount, actions]);

  // One parse and one computation per document (a keystroke that changes nothing valid changes no document).
  const { outcome, pending } = useScenarioOutcome(document, parsed);
  const result = useMemo(() => (outcome.ok ? computeScenario(outcome.scenario) : null), [outcome]);

  // Keyed on the fields they read, not the document: the same columns across value edits keep the cells mounted.
  const { periods: periodList, startYear, endYear } = document;
  const periods = useMemo(() => periodSpans({ periods: periodList, startYear, endYear }), [periodList, startYear, endYear]);
  const years = useMemo(() => yearSpans({ startYear, endYear }), [startYear, endYear]);
  const spans = byYear ? years : periods;

  const calculatorItem = calculatorRow === null ? undefined : itemsOf(document, calculatorRow.list)[calculatorRow.index];

  return (
    <EditorContext.Provider value={settings}>
      <CellDraftsContext.Provider value={drafts}>
        {/* The parser comes when the reader starts editing: on the first focus or press inside an editable editor. */}
        <div
          className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_25rem] xl:gap-4 2xl:grid-cols-[minmax(0,1fr)_30rem] 2xl:gap-6"
          data-testid="scenario-editor"
          onFocusCapture={readOnly ? undefined : loadScenarioParser}
          onPointerDownCapture={readOnly ? undefined : loadScenarioParser}
        >
          <div className="min-w-0 space-y-8">
            <div className="sticky top-0 z-30 -mx-1 flex flex-wrap items-center justify-between gap-3 rounded-b-lg border-b border-slate-200 bg-slate-50/95 px-1 py-2 backdrop-blur">
              <p className="text-sm text-slate-700" data-testid="unit-caption">
                <span className="font-medium">{t('units.label')}</span> {unitCaption}
              </p>
              {!readOnly && <EditorToolbar activeCell={activeCell} spans={spans} periods={periods} />}
              <ToggleGroup
                label={t('view.label')}
                value={byYear ? 'year' : 'period'}
                onChange={(view) => setByYear(view === 'year')}
                options={[
                  { value: 'period', label: t('view.byPeriod') },
                  { value: 'year', label: t('view.byYear') },
                ]}
              />
            </div>

            <Section id="costs" title={t('sections.costs')} hint={t('sections.costsHint')}>
              <ItemsTable list="costs" items={document.costs} spans={spans} calculatorInputs={calc} />
            </Section>
            <Section id="subsidies" title={t('sections.subsidies')} hint={t('sections.subsidiesHint')}>
              <ItemsTable list="subsidies" items={document.subsidies ?? EMPTY} spans={spans} calculatorInputs={calc} />
            </Section>
            <Section id="alpha" title={t('sections.alpha')} hint={t('sections.alphaHint')}>
              <AlphaEditor alpha={document.alpha} overrides={document.alphaOverrides} spans={spans} />
            </Section>
            <Section id="payment" title={t('sections.payment')} hint={t('sections.paymentHint')}>
              <div className="space-y-4">
                <PaymentSettings doc={document} />
                <WaterVolumeEditor waterVolume={document.waterVolume} spans={spans} />
              </div>
            </Section>
            <Section id="upper" title={t('sections.upper')} hint={t('sections.upperHint')}>
              <div className="space-y-4">
                <h4 className="text-sm font-semibold text-slate-700">{t('sections.benefits')}</h4>
                <ItemsTable list="benefits" items={document.benefits ?? EMPTY} spans={spans} calculatorInputs={calc} />
                <h4 className="text-sm font-semibold text-slate-700">{t('sections.downstreamCosts')}</h4>
                <ItemsTable list="downstreamCosts" items={document.downstreamCosts ?? EMPTY} spans={spans} calculatorInputs={calc} />
              </div>
            </Section>
            <Section id="scenario" title={t('sections.scenario')} hint={t('sections.scenarioHint')}>
              <ScenarioSettings doc={document} />
            </Section>
          </div>
          <div className={`xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:overflow-y-auto ${pending ? 'opacity-60' : ''}`} aria-busy={pending || undefined}>
            <ResultsPanel outcome={outcome} document={document} result={result} locale={locale} unitWord={unitWord} currencyWord={currencyWord} />
          </div>
        </div>
        {calculatorItem && calculatorRow !== null && (
          <CalculatorDialog
            key={`${calculatorRow.list}-${calculatorRow.index}`}
            item={calculatorItem}
            entry={calc[rowKey(calculatorRow.list, calculatorRow.index, calculatorItem)]}
            unit={document.unit}
            startYear={document.startYear}
            spans={periods}
            onClose={() => setCalculatorRow(null)}
            onApply={(entry: CalculatorEntry) => {
              actions.applyCalculator(calculatorRow.list, calculatorRow.index, entry);
              setCalculatorRow(null);
            }}
          />
        )}
      </CellDraftsContext.Provider>
    </EditorContext.Provider>
  );
}

const EMPTY: never[] = [];

function Section({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`} className="space-y-2">
      <h3 id={`section-${id}`} className="text-lg font-semibold text-water-900">
        {title}
      </h3>
      <p className="text-sm text-slate-600">{hint}</p>
      {children}
    </section>
  );
}
