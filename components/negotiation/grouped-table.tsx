'use client';

import { flexRender, getCoreRowModel, getExpandedRowModel, useReactTable, type ColumnDef, type ExpandedState } from '@tanstack/react-table';
import { Button } from '@/components/ui/button';
import { useState, type ReactNode } from 'react';

export type GroupedRow<G, L> = { kind: 'group'; id: string; group: G; subRows: GroupedRow<G, L>[] } | { kind: 'leaf'; id: string; leaf: L; subRows?: undefined };

export interface GroupedTableProps<G, L> {
  data: GroupedRow<G, L>[];
  /** Columns of the leaf rows; a group row is one cell across all of them. */
  columns: ColumnDef<GroupedRow<G, L>>[];
  renderGroup: (group: G) => ReactNode;
  /** Optional class of a leaf row (e.g. a no-deal gap). */
  leafClass?: (leaf: L) => string;
  caption?: ReactNode;
  testId?: string;
  expandLabel: string;
}

/**
 * A read-only TanStack table of groups (a version, an offer) with their rows (periods or years):
 * numbers right-aligned, a group row that folds its rows away.
 */
export function GroupedTable<G, L>({ data, columns, renderGroup, leafClass, caption, testId, expandLabel }: GroupedTableProps<G, L>) {
  const [expanded, setExpanded] = useState<ExpandedState>(true);
  // TanStack's table instance is not memoisable by the React Compiler.
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
  const width = table.getVisibleLeafColumns().length;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        {caption && <caption className="caption-bottom px-3 py-1.5 text-left text-xs text-slate-500">{caption}</caption>}
        <thead className="bg-slate-50 text-slate-600">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h, i) => (
                <th key={h.id} scope="col" className={`border-b border-slate-200 px-2 py-2 align-bottom font-medium ${i === 0 ? 'text-left' : 'text-right'}`}>
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const r = row.original;
            if (r.kind === 'group') {
              return (
                <tr key={row.id} className="border-t border-slate-200 bg-water-50/60">
                  <td colSpan={width} className="px-2 py-1.5">
                    <div className="flex items-start gap-1.5">
                      <Button intent="plain" onClick={row.getToggleExpandedHandler()} aria-expanded={row.getIsExpanded()} aria-label={expandLabel} className="w-4 shrink-0 no-underline">
                        {row.getIsExpanded() ? '▾' : '▸'}
                      </Button>
                      <div className="min-w-0 flex-1">{renderGroup(r.group)}</div>
                    </div>
                  </td>
                </tr>
              );
            }
            return (
              <tr key={row.id} className={`border-t border-slate-100 ${leafClass?.(r.leaf) ?? ''}`}>
                {row.getVisibleCells().map((cell, i) => (
                  <td key={cell.id} className={`px-2 py-1 ${i === 0 ? 'pl-7 text-left' : 'num text-right'} whitespace-nowrap`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
