import { useTranslations } from 'next-intl';
import { TableSection } from '@/components/ui/table-section';
import type { PartyTotals } from '@/lib/domain/party-split';
import type { AppLocale } from '@/lib/domain/locale';
import { organisationLabel, yuan } from './format';

/**
 * Each organisation's part of what the terms split among the parties (docs/decisions/0098): who
 * receives on the upstream side and who pays on each funder line, by name in the reader's language,
 * with its scheduled and settled parts, what it paid and what it still owes on settled years
 * (docs/decisions/0110). Nothing when the terms name no parties.
 */
export function PartyTotalsTable({ totals, lang, testId }: { totals: readonly PartyTotals[]; lang: AppLocale; testId: string }) {
  const t = useTranslations('fund');
  if (!totals.length) return null;
  const nameOf = (p: PartyTotals) => (p.id === null ? t('funder.CENTRAL') : organisationLabel(p, lang));
  return (
    <TableSection
      title={t('parties.title')}
      testId={testId}
      note={<span className="text-xs text-slate-500">{t('parties.note')}</span>}
      columns={[
        { label: t('parties.organisation') },
        { label: t('parties.role') },
        { label: t('ledger.col.scheduled'), numeric: true },
        { label: t('ledger.col.settled'), numeric: true },
        { label: t('ledger.col.paid'), numeric: true },
        { label: t('ledger.col.outstanding'), numeric: true },
      ]}
    >
      {totals.map((p) => (
        <tr key={`${p.role}-${p.id ?? 'central'}`} className="border-t border-slate-100" data-testid="party-total">
          <td className="py-1 pr-3">{nameOf(p)}</td>
          <td className="py-1 pr-3">{t(`parties.roles.${p.role}`)}</td>
          <td className="num whitespace-nowrap py-1 pr-3 text-right">{yuan(p.scheduled, lang)}</td>
          <td className="num whitespace-nowrap py-1 pr-3 text-right">{yuan(p.settled, lang)}</td>
          <td className="num whitespace-nowrap py-1 pr-3 text-right" data-testid="party-paid">
            {yuan(p.paid, lang)}
          </td>
          <td className="num whitespace-nowrap py-1 text-right" data-testid="party-outstanding">
            {yuan(p.outstanding, lang)}
          </td>
        </tr>
      ))}
    </TableSection>
  );
}
