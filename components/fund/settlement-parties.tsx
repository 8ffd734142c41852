'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/ui/data-table';
import type { SettlementDto } from '@/lib/contracts/fund';
import type { PartyNetting } from '@/lib/domain/party-split';
import { isLocale } from '@/lib/domain/locale';
import { organisationLabel } from './format';
import { useNettingColumns } from './netting-columns';

/**
 * A settled year by party (docs/decisions/0098), when the signed terms name the parties: each
 * upstream party's part, then each payer's part of its funder line, by name in the reader's language.
 */
export function SettlementParties({ settlement }: { settlement: SettlementDto }) {
  const t = useTranslations('fund');
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const columns = useNettingColumns<PartyNetting>([
    {
      id: 'organisation',
      header: t('parties.organisation'),
      cell: ({ row }) => (row.original.id === null ? t('funder.CENTRAL') : organisationLabel(row.original, lang)),
    },
    {
      id: 'role',
      header: t('parties.role'),
      cell: ({ row }) => (row.original.funder ? `${t('parties.roles.pays')} · ${t(`funder.${row.original.funder}`)}` : t('parties.roles.receives')),
    },
  ]);
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
