'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/ui/data-table';
import { Money } from '@/components/ui/money';
import type { SettlementDto } from '@/lib/contracts/fund';
import type { PartyNetting } from '@/lib/domain/party-split';
import { isNegative } from './format';

/**
 * A settled year by party (docs/decisions/0098), when the signed terms name the parties: each
 * upstream party's part, then each payer's part of its funder line, by name in the reader's language.
 */
export function SettlementParties({ settlement }: { settlement: SettlementDto }) {
  const t = useTranslations('fund');
  const zh = useLocale() !== 'en';
  const amount = (value: string) => <Money value={value} fractionDigits={2} />;
  const columns: ColumnDef<PartyNetting, unknown>[] = [
    {
      id: 'organisation',
      header: t('parties.organisation'),
      cell: ({ row }) => (row.original.id === null ? t('funder.CENTRAL') : ((zh ? row.original.nameZh : row.original.name) ?? row.original.id)),
    },
    {
      id: 'role',
      header: t('parties.role'),
      cell: ({ row }) => (row.original.funder ? `${t('parties.roles.pays')} · ${t(`funder.${row.original.funder}`)}` : t('parties.roles.receives')),
    },
    { id: 'due', header: t('settlements.due'), meta: { numeric: true }, cell: ({ row }) => amount(row.original.due) },
    { id: 'advances', header: t('settlements.advances'), meta: { numeric: true }, cell: ({ row }) => amount(row.original.advances) },
    {
      id: 'balance',
      header: t('settlements.bindingBalance'),
      meta: { numeric: true },
      cell: ({ row }) => <span className={isNegative(row.original.balance) ? 'text-amber-800' : ''}>{amount(row.original.balance)}</span>,
    },
  ];
  if (!settlement.byParty?.length) return null;
  return (
    <DataTable
      caption={t('parties.ofYear', { year: settlement.year })}
      testId={`parties-${settlement.year}`}
      rowTestId="settlement-party"
      columns={columns}
      data={settlement.byParty}
      rowKey={(p) => `${p.funder ?? 'up'}-${p.id ?? 'central'}`}
    />
  );
}
