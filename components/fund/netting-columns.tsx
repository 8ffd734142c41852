'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { Money } from '@/components/ui/money';
import { isNegative } from './format';

/** A row of a settled year's netting: a funder line's, or one organisation's part of it. */
export interface NettingRow {
  due: string;
  advances: string;
  balance: string;
}

/**
 * The columns of a settled year's netting table: the columns that say whose row it is, then what
 * it owes, has advanced and the balance (a refund due shown in amber). One builder for the funder
 * lines and for the parties (docs/decisions/0098), so the two tables read alike.
 */
export function useNettingColumns<T extends NettingRow>(lead: ColumnDef<T, unknown>[]): ColumnDef<T, unknown>[] {
  const t = useTranslations('fund');
  const amount = (value: string) => <Money value={value} fractionDigits={2} />;
  return [
    ...lead,
    { id: 'due', header: t('settlements.due'), meta: { numeric: true }, cell: ({ row }) => amount(row.original.due) },
    { id: 'advances', header: t('settlements.advances'), meta: { numeric: true }, cell: ({ row }) => amount(row.original.advances) },
    {
      id: 'balance',
      header: t('settlements.bindingBalance'),
      meta: { numeric: true },
      cell: ({ row }) => <span className={isNegative(row.original.balance) ? 'text-amber-800' : ''}>{amount(row.original.balance)}</span>,
    },
  ];
}
