'use client';

import { flexRender, getCoreRowModel, getExpandedRowModel, useReactTable, type Cell, type ColumnDef, type ExpandedState, type Row } from '@tanstack/react-table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { stickyColumnVariants } from '@/components/ui/variants';
import { useTranslations } from 'next-intl';
import { memo, useMemo, useState } from 'react';
import { CATEGORIES, type Category, type Group } from '@/lib/engine/categories';
import { ZERO, type Dec } from '@/lib/engine/decimal';
import { ItemComments } from '@/components/scenario-workspace/item-comments';
import { BenefitKindHeader, BenefitKindSelect } from './benefit-kind-select';
import { EditCell, onGridKeyDown } from './cells';
import { useEditor } from './editor-context';
import {
  calculatorIsCurrent,
  groupSubtotals,
  groupedIndexes,
  hasCode,
  itemLabelPath,
  itemValuePath,
  itemsGrid,
  listTotals,
  rowKey,
  spanValue,
  type CalculatorInputs,
  type EditorCostItem,
  type EditorLabelledItem,
  type ItemList,
  type Span,
} from './model';

type AnyItem = EditorCostItem | EditorLabelledItem;
type CalcState = 'current' | 'stale' | null;

type TRow =
  | { kind: 'group'; id: string; group: Group | null; count: number; subtotal: Dec[]; subRows: TRow[] }
  | { kind: 'item'; id: string; index: number; item: AnyItem; calc: CalcState; subRows?: undefined };

export interface ItemsTableProps {
  list: ItemList;
  items: readonly AnyItem[];
  spans: readonly Span[];
  calculatorInputs: CalculatorInputs;
}

/**
 * A list of line items (costs, subsidies, benefits, downstream costs) as an
 * editable grid on TanStack Table: cost lists are grouped by group (ED … AO) with
 * per-period subtotals, columns are the periods (or years), the footer holds the
 * totals and the "add" controls.
 */
export function ItemsTable({ list, items, spans, calculatorInputs }: ItemsTableProps) {
  const t = useTranslations('editor');
  const { readOnly, actions, formatUnitAmount, unitCaption } = useEditor();
  const coded = hasCode(list);
  // Benefit rows say what they measure (docs/scenario-format-extensions.md §2); other lists have no kind.
  const kinded = list === 'benefits';
  // Every row of the lower and upper bound has a calculator (pes-model.md §2, §4); subsidies are entered as granted.
  const calculable = list !== 'subsidies';
  const [expanded, setExpanded] = useState<ExpandedState>(true);
  const [newCode, setNewCode] = useState<Category>('C_f');

  const { data, total } = useMemo(() => {
    const calcOf = (index: number, item: AnyItem): CalcState => {
      const entry = calculatorInputs[rowKey(list, index, item)];
      return entry ? (calculatorIsCurrent(entry, item.values) ? 'current' : 'stale') : null;
    };
    const itemRow = (index: number): TRow => {
      const item = items[index]!;
      return { kind: 'item', id: `i${index}`, index, item, calc: calcOf(index, item) };
    };
    if (!coded) return { data: items.map((_, i) => itemRow(i)), total: listTotals(items as EditorLabelledItem[], spans) };
    const costItems = items as EditorCostItem[];
    const sub = groupSubtotals(costItems, spans);
    const rows: TRow[] = groupedIndexes(costItems).map(({ group, indexes }) => ({
      kind: 'group',
      id: `g${group ?? '?'}`,
      group,
      count: indexes.length,
      subtotal: group ? sub.byGroup[group].perSpan : spans.map(() => ZERO),
      subRows: indexes.map(itemRow),
    }));
    return { data: rows, total: sub.total };
  }, [items, spans, coded, list, calculatorInputs]);

  const grid = useMemo(() => itemsGrid(list, spans), [list, spans]);
  const columns = useMemo<ColumnDef<TRow>[]>(() => {
    const cols: ColumnDef<TRow>[] = [
      {
        id: 'label',
        header: () => t('table.item'),
        cell: ({ row }) => {
          const r = row.original;
          if (r.kind === 'group') {
            return (
              <Button intent="plain" onClick={row.getToggleExpandedHandler()} aria-expanded={row.getIsExpanded()} className="flex items-center gap-1.5 text-left font-semibold hover:no-underline">
                <span aria-hidden className="inline-block w-3 text-slate-500">
                  {row.getIsExpanded() ? '▾' : '▸'}
                </span>
                {r.group ? `${r.group} · ${t(`groups.${r.group}`)}` : t('groups.unknown')}
                <span className="font-normal text-slate-500">({r.count})</span>
              </Button>
            );
          }
          return (
            <div className="flex items-center gap-1 pl-4">
              <EditCell
                value={r.item.label}
                kind="text"
                path={itemLabelPath(list, r.index)}
                grid={grid}
                required
                readOnly={readOnly}
                navCol={0}
                label={t('table.labelOf', { index: r.index + 1 })}
                onCommit={(text) => actions.setItemLabel(list, r.index, text)}
              />
              <ItemComments list={list} index={r.index} />
              {r.calc && (
                <Badge
                  size="mark"
                  tone={r.calc === 'current' ? 'formula' : 'formulaStale'}
                  title={r.calc === 'current' ? t('calculator.badgeCurrent') : t('calculator.badgeStale')}
                  testId={`calc-badge-${list}-${r.index}`}
                >
                  ƒ
                </Badge>
              )}
            </div>
          );
        },
      },
    ];
    if (coded) {
      cols.push({
        id: 'code',
        header: () => t('table.category'),
        cell: ({ row }) => {
          const r = row.original;
          if (r.kind === 'group') return null;
          const code = (r.item as EditorCostItem).code;
          return (
            <Select
              bare
              size="xs"
              value={code}
              disabled={readOnly}
              aria-label={t('table.categoryOf', { label: r.item.label })}
              title={(CATEGORIES as readonly string[]).includes(code) ? t(`categories.${code}`) : undefined}
              onChange={(e) => actions.setItemCode(list, r.index, e.target.value as Category)}
              className="w-full"
            >
              {!(CATEGORIES as readonly string[]).includes(code) && <option value={code}>{code}</option>}
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c} {t(`categories.${c}`)}
                </option>
              ))}
            </Select>
          );
        },
      });
    }
    if (kinded) {
      cols.push({
        id: 'kind',
        header: () => <BenefitKindHeader />,
        cell: ({ row }) => {
          const r = row.original;
          if (r.kind === 'group') return null;
          return (
            <BenefitKindSelect
              inGrid
              className="w-full"
              value={(r.item as EditorLabelledItem).kind}
              label={r.item.label}
              disabled={readOnly}
              onChange={(kind) => actions.setBenefitKind(r.index, kind)}
            />
          );
        },
      });
    }
    spans.forEach((span, si) => {
      cols.push({
        id: `s${span.id}`,
        header: () => (
          <span className="block text-right">
            <span className="block">{span.label}</span>
            {span.from !== span.to && span.label.indexOf(String(span.from)) < 0 && (
              <span className="block text-xs font-normal text-slate-500">
                {span.from}–{span.to}
              </span>
            )}
          </span>
        ),
        cell: ({ row }) => {
          const r = row.original;
          if (r.kind === 'group') return <span className="num block pr-1.5 text-right font-semibold text-slate-700">{formatUnitAmount(r.subtotal[si]!)}</span>;
          const v = spanValue(r.item.values, span.from, span.to);
          return (
            <EditCell
              value={v.kind === 'uniform' ? v.value : ''}
              placeholder={v.kind === 'mixed' ? t('table.varies', { average: formatUnitAmount(v.average) }) : undefined}
              hint={v.kind === 'mixed' ? t('table.variesHint') : undefined}
              kind="amount"
              path={itemValuePath(list, r.index, span)}
              grid={grid}
              readOnly={readOnly}
              navCol={si + 2}
              testId={`cell-${list}-${r.index}-${si}`}
              label={`${r.item.label}, ${span.label}`}
              onCommit={(text) => actions.setItemSpan(list, r.index, span.from, span.to, text)}
            />
          );
        },
      });
    });
    if (!readOnly) {
      cols.push({
        id: 'actions',
        header: () => <span className="sr-only">{t('table.actions')}</span>,
        cell: ({ row }) => {
          const r = row.original;
          if (r.kind === 'group') return null;
          return (
            <div className="flex justify-end gap-0.5 whitespace-nowrap">
              {calculable && (
                <Button
                  intent="icon"
                  size="row"
                  title={t('calculator.open')}
                  aria-label={t('calculator.openFor', { label: r.item.label })}
                  onClick={() => actions.openCalculator(list, r.index)}
                  testId={`open-calculator-${list}-${r.index}`}
                >
                  ƒ(x)
                </Button>
              )}
              <Button intent="icon" size="row" title={t('table.duplicate')} aria-label={t('table.duplicateOf', { label: r.item.label })} onClick={() => actions.duplicateItem(list, r.index)}>
                <svg aria-hidden viewBox="0 0 16 16" className="inline h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
                  <rect x="5" y="5" width="9" height="9" rx="1.5" />
                  <path d="M11 5V3.5A1.5 1.5 0 0 0 9.5 2h-6A1.5 1.5 0 0 0 2 3.5v6A1.5 1.5 0 0 0 3.5 11H5" />
                </svg>
              </Button>
              <Button intent="iconDanger" size="row" title={t('table.remove')} aria-label={t('table.removeOf', { label: r.item.label })} onClick={() => actions.removeItem(list, r.index)}>
                ✕
              </Button>
            </div>
          );
        },
      });
    }
    return cols;
  }, [spans, coded, kinded, calculable, list, readOnly, actions, formatUnitAmount, t, grid]);

  // TanStack's table instance is not memoisable by the React Compiler; rows below are memoised by hand.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { expanded },
    onExpandedChange: setExpanded,
    getRowId: (r) => r.id,
    getSubRows: (r) => r.subRows,
    getCoreRowModel: getCoreRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
  });

  // At 1366 px the label gives up the room a category or kind column takes, so six periods and the actions stay in view.
  const labelWidth = coded || kinded ? 'min-w-[10.5rem]' : 'min-w-[15rem]';
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" onKeyDown={onGridKeyDown}>
      <table className="w-full border-collapse text-sm" data-testid={`items-${list}`}>
        <caption className="caption-bottom px-3 py-1.5 text-left text-xs text-slate-500">{unitCaption}</caption>
        <thead className="bg-slate-50 text-slate-600">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => (
                <th
                  key={h.id}
                  scope="col"
                  className={`border-b border-slate-200 px-1.5 py-2 align-bottom font-medium ${stickyColumnVariants({ edge: edgeOf(h.column.id), band: 'head' })} ${h.column.id === 'label' ? `${labelWidth} text-left` : h.column.id === 'code' ? 'w-[4.75rem] min-w-[4.75rem] text-left' : h.column.id === 'kind' ? 'w-[6.5rem] min-w-[6.5rem] text-left' : h.column.id === 'actions' ? 'w-[5rem]' : 'min-w-[5.25rem]'}`}
                >
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table
            .getRowModel()
            .rows.map((row) =>
              row.original.kind === 'group' ? (
                <GroupRow key={row.id} row={row} original={row.original} columns={columns} expanded={row.getIsExpanded()} />
              ) : (
                <ItemRow key={row.id} row={row} item={row.original.item} index={row.original.index} calc={row.original.calc} columns={columns} />
              ),
            )}
          {data.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="px-3 py-4 text-center text-slate-500">
                {t('table.empty')}
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-300 bg-slate-50">
            <th scope="row" colSpan={coded || kinded ? 2 : 1} className="px-3 py-2 text-left font-semibold">
              {t('table.total')}
            </th>
            {total.map((v, i) => (
              <td key={spans[i]!.id} className="num py-2 pl-1 pr-2.5 text-right font-semibold" data-testid={`total-${list}-${i}`}>
                {formatUnitAmount(v)}
              </td>
            ))}
            {!readOnly && <td />}
          </tr>
          {!readOnly && (
            <tr>
              <td colSpan={columns.length} className="px-3 py-2">
                <div className="flex flex-wrap items-center gap-2">
                  {coded && (
                    <Select size="xs" value={newCode} onChange={(e) => setNewCode(e.target.value as Category)} aria-label={t('table.newCategory')}>
                      {CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {c} {t(`categories.${c}`)}
                        </option>
                      ))}
                    </Select>
                  )}
                  <Button intent="add" size="tool" onClick={() => actions.addItem(list, coded ? newCode : undefined)} testId={`add-${list}`}>
                    + {t('table.add')}
                  </Button>
                </div>
              </td>
            </tr>
          )}
        </tfoot>
      </table>
    </div>
  );
}

/**
 * The item's name and its actions stay in view when the periods scroll sideways (a long
 * scenario, a narrow screen): what a row is and what can be done with it are never off-screen.
 */
function edgeOf(columnId: string): 'left' | 'right' | 'none' {
  return columnId === 'label' ? 'left' : columnId === 'actions' ? 'right' : 'none';
}

/**
 * Calls the column's cell function directly. flexRender would mount it as a component, and
 * a new column set (another period layout) would then remount every cell and lose the focus.
 */
function renderCell(cell: Cell<TRow, unknown>) {
  const def = cell.column.columnDef.cell;
  return typeof def === 'function' ? def(cell.getContext()) : def;
}

const GroupRow = memo(
  function GroupRow({ row }: { row: Row<TRow>; original: TRow; columns: unknown; expanded: boolean }) {
    return (
      <tr className="border-t border-slate-200 bg-water-50/60">
        {row
          .getVisibleCells()
          .filter((cell) => cell.column.id !== 'code')
          .map((cell) => (
            <td
              key={cell.id}
              colSpan={cell.column.id === 'label' && row.getVisibleCells().some((c) => c.column.id === 'code') ? 2 : 1}
              className={`px-1 py-1.5 ${stickyColumnVariants({ edge: edgeOf(cell.column.id), band: 'group' })}`}
            >
              {renderCell(cell)}
            </td>
          ))}
      </tr>
    );
  },
  (a, b) => a.original === b.original && a.columns === b.columns && a.expanded === b.expanded,
);

/** Re-renders only when its item, position, calculator state or the columns change. */
const ItemRow = memo(
  function ItemRow({ row }: { row: Row<TRow>; item: AnyItem; index: number; calc: CalcState; columns: unknown }) {
    return (
      <tr className="border-t border-slate-100 hover:bg-slate-50/60">
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id} className={`px-1 py-0.5 ${stickyColumnVariants({ edge: edgeOf(cell.column.id), band: 'item' })}`}>
            {renderCell(cell)}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) => a.item === b.item && a.index === b.index && a.calc === b.calc && a.columns === b.columns,
);
