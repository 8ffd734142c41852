'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { DataTable, type DataColumnMeta, type DataRowLook } from './data-table';

/** A column of a table whose cells a server page rendered: its header, and its look. */
export interface RenderedColumn extends DataColumnMeta {
  id: string;
  header: ReactNode;
  /** Rows sort by their `sort` value of this column when its header is clicked. */
  sortable?: boolean;
}

export interface RenderedRow {
  key: string;
  cells: Readonly<Record<string, ReactNode>>;
  sort?: Readonly<Record<string, string | number>>;
  look?: DataRowLook;
}

/**
 * The kit's DataTable for a server page: the page renders each cell (links, badges, audit
 * sentences, a client form) and this lays them out. Cells cross to the browser as rendered
 * elements, so the page's messages stay on the server.
 */
export function RenderedTable({ columns, rows, caption, empty, testId, rowTestId, className }: { columns: readonly RenderedColumn[]; rows: RenderedRow[]; caption?: string; empty?: ReactNode; testId?: string; rowTestId?: string; className?: string }) {
  const defs: ColumnDef<RenderedRow, unknown>[] = columns.map(({ id, header, sortable, numeric, nowrap }) => ({
    id,
    header: () => header,
    cell: ({ row }) => row.original.cells[id],
    ...(sortable ? { accessorFn: (row: RenderedRow) => row.sort?.[id] ?? '' } : {}),
    enableSorting: Boolean(sortable),
    meta: { numeric, nowrap } satisfies DataColumnMeta,
  }));
  return <DataTable columns={defs} data={rows} caption={caption} empty={empty} testId={testId} rowTestId={rowTestId} rowKey={(row) => row.key} rowLook={(row) => row.look ?? {}} className={className} />;
}
