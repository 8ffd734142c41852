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
  /** Adjacent columns with the same group share a heading above theirs ("lower bound" over "v2 | v3"). */
  group?: { id: string; header: ReactNode };
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
export function RenderedTable({
  columns,
  rows,
  caption,
  empty,
  testId,
  rowTestId,
  foot,
  className,
}: {
  columns: readonly RenderedColumn[];
  rows: RenderedRow[];
  caption?: string;
  empty?: ReactNode;
  testId?: string;
  rowTestId?: string;
  foot?: ReactNode;
  className?: string;
}) {
  const leaf = ({ id, header, sortable, numeric, nowrap }: RenderedColumn): ColumnDef<RenderedRow, unknown> => ({
    id,
    header: () => header,
    cell: ({ row }) => row.original.cells[id],
    ...(sortable ? { accessorFn: (row: RenderedRow) => row.sort?.[id] ?? '' } : {}),
    enableSorting: Boolean(sortable),
    meta: { numeric, nowrap } satisfies DataColumnMeta,
  });
  const defs: ColumnDef<RenderedRow, unknown>[] = [];
  for (let i = 0; i < columns.length;) {
    const group = columns[i]!.group;
    let end = i + 1;
    while (group && end < columns.length && columns[end]!.group?.id === group.id) end++;
    const run = columns.slice(i, end);
    defs.push(group ? { id: group.id, header: () => group.header, meta: { numeric: run[0]!.numeric } satisfies DataColumnMeta, columns: run.map(leaf) } : leaf(run[0]!));
    i = end;
  }
  return (
    <DataTable
      columns={defs}
      data={rows}
      caption={caption}
      empty={empty}
      testId={testId}
      rowTestId={rowTestId}
      rowKey={(row) => row.key}
      rowLook={(row) => row.look ?? {}}
      foot={foot}
      className={className}
    />
  );
}
