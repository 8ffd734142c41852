import type { ReactNode } from 'react';

export interface TableColumn {
  label: ReactNode;
  /** Right-aligned, for amounts. */
  numeric?: boolean;
  nowrap?: boolean;
}

/**
 * A titled white card holding one table of the fund's figures, the layout every fund table shares;
 * `empty`, when given, stands in place of the table. The rows are the caller's (`<tr>`s).
 */
export function TableSection({
  title,
  columns,
  testId,
  empty,
  foot,
  note,
  children,
}: {
  title: ReactNode;
  columns: TableColumn[];
  testId: string;
  empty?: ReactNode;
  /** The table's footer rows (totals). */
  foot?: ReactNode;
  /** A line under the table. */
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{title}</h2>
      {empty ? (
        empty
      ) : (
        <table className="mt-3 w-full text-left text-sm" data-testid={testId}>
          <thead className="text-slate-600">
            <tr>
              {columns.map((column, i) => (
                <th key={i} className={`py-1 ${i < columns.length - 1 ? 'pr-3 ' : ''}${column.numeric ? 'text-right ' : ''}font-medium${column.nowrap ? ' whitespace-nowrap' : ''}`}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
          {foot && <tfoot>{foot}</tfoot>}
        </table>
      )}
      {note}
    </section>
  );
}
