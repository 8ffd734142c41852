import { useTranslations } from 'next-intl';
import type { AuditChange, AuditDescription, AuditValue } from '@/lib/domain/audit-summary';
import { formatAmount, type ReaderUnit } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';

// Where each term of an event's values is named in the catalogue.
const termKeys: Record<Extract<AuditValue, { kind: 'term' }>['term'], string> = {
  status: 'status',
  offerStatus: 'offerStatus',
  agreementStatus: 'agreements.state',
  side: 'side',
  yesNo: 'audit',
  method: 'fund.monitoring.resolve.method',
  funder: 'fund.funder',
  direction: 'fund.settlements.direction',
};

function useAuditValue(lang: AppLocale, unit: ReaderUnit): (value: AuditValue) => string {
  const t = useTranslations();
  return (value) => {
    if (value.kind === 'text') return value.text;
    if (value.kind === 'amount') return formatAmount(value.yuan, lang, { scale: unit });
    if (value.term === 'yesNo') return t(value.value === 'true' ? 'audit.yes' : 'audit.no');
    const key = `${termKeys[value.term]}.${value.value}`;
    return t.has(key) ? t(key) : value.value;
  };
}

/** An audit event as a sentence in the reader's language: "李伟 保存了情景《…》第 4 版". */
export function AuditSentence({ description, lang, unit }: { description: AuditDescription; lang: AppLocale; unit: ReaderUnit }) {
  const t = useTranslations('audit.event');
  const show = useAuditValue(lang, unit);
  const values = Object.fromEntries(Object.entries(description.values).map(([name, value]) => [name, typeof value === 'object' ? show(value) : value]));
  return <>{t(description.sentence, values)}</>;
}

/** What an event changed, one field a line, named by its label: "状态：协商中 → 已达成". */
export function AuditChanges({ changes, lang, unit }: { changes: AuditChange[]; lang: AppLocale; unit: ReaderUnit }) {
  const t = useTranslations('audit.field');
  const show = useAuditValue(lang, unit);
  if (changes.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs text-slate-700">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="text-slate-500">{t(change.field)}{lang === 'zh' ? '：' : ': '}</span>
          {change.before && <span className="text-red-700 line-through decoration-red-300">{show(change.before)}</span>}
          {change.before && change.after && ' → '}
          {change.after && <span>{show(change.after)}</span>}
        </li>
      ))}
    </ul>
  );
}
