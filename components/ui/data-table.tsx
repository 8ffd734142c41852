'use client';

import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { Fragment, useState, type ReactNode } from 'react';

/** A column's look beyond what TanStack knows: numbers right-aligned, no wrapping. */
export interface DataColumnMeta {
  numeric?: boolean;
  nowrap?: boolean;
}

/** What a row shows of itself: a test id, a tint, data attributes for the tests (`{ state: 'disputed' }` → data-state). */
export interface DataRowLook {
  testId?: string;
  className?: string;
  data?: Readonly<Record<string, string>>;
}

/**
 * A read-only table on TanStack Table: the caller's columns (header, cell, optional sorting), a
 * caption for screen readers and what to show when there are no rows. `rowLook` marks a row;
 * `detail`, when it gives something for a row, opens a full-width row under it (a form about it).
 */
export function DataTable<Row>({
  columns,
  data,
  caption,
  empty,
  testId,
  rowTestId,
  rowKey,
  rowLook,
  detail,
  foot,
  className,
}: {
  columns: ColumnDef<Row, unknown>[];
  data: Row[];
  caption?: string;
  empty?: ReactNode;
  testId?: string;
  rowTestId?: string;
  rowKey?: (row: Row, index: number) => string;
  rowLook?: (row: Row) => DataRowLook;
  detail?: (row: Row) => ReactNode;
  /** Rows under the body (a total), laid out by the caller. */
  foot?: ReactNode;
  className?: string;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  // TanStack's table object is not memoisable; the React Compiler skips this component, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(), getRowId: rowKey });
  if (data.length === 0 && empty) return <>{empty}</>;
  const align = (meta: unknown) => {
    const m = (meta ?? {}) as DataColumnMeta;
    return `${m.numeric ? 'text-right num' : 'text-left'}${m.nowrap ? ' whitespace-nowrap' : ''}`;
  };
  return (
    <div className={`overflow-x-auto ${className ?? ''}`}>
      <table className="w-full text-sm" data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                    className={`py-1 pr-3 font-medium last:pr-0 ${header.subHeaders.length > 0 ? 'text-center' : align(header.column.columnDef.meta)}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button type="button" className="hover:underline" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const look = rowLook?.(row.original) ?? {};
            const opened = detail?.(row.original);
            return (
              <Fragment key={row.id}>
                <tr
                  className={`border-t border-slate-100 align-top ${look.className ?? ''}`}
                  data-testid={look.testId ?? rowTestId}
                  {...Object.fromEntries(Object.entries(look.data ?? {}).map(([name, value]) => [`data-${name}`, value]))}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`py-1.5 pr-3 last:pr-0 ${align(cell.column.columnDef.meta)}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
                {opened && (
                  <tr className={look.className}>
                    <td colSpan={row.getVisibleCells().length} className="px-2 pb-3">
                      {opened}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}
