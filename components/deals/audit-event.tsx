import { useTranslations } from 'next-intl';
import type { AuditChange, AuditDescription } from '@/lib/domain/audit-summary';
import { auditSentenceText, auditValueText } from '@/lib/domain/audit-text';
import type { ReaderUnit } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';

/** An audit event as a sentence in the reader's language: "李伟 保存了情景《…》第 4 版". */
export function AuditSentence({ description, lang, unit }: { description: AuditDescription; lang: AppLocale; unit: ReaderUnit }) {
  const t = useTranslations();
  return <>{auditSentenceText(description, t, lang, unit)}</>;
}

/** What an event changed, one field a line, named by its label: "状态：协商中 → 已达成". */
export function AuditChanges({ changes, lang, unit }: { changes: AuditChange[]; lang: AppLocale; unit: ReaderUnit }) {
  const t = useTranslations();
  if (changes.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs text-slate-700">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="text-slate-500">
            {t(`audit.field.${change.field}`)}
            {lang === 'zh' ? '：' : ': '}
          </span>
          {change.before && <span className="text-red-700 line-through decoration-red-300">{auditValueText(change.before, t, lang, unit)}</span>}
          {change.before && change.after && ' → '}
          {change.after && <span>{auditValueText(change.after, t, lang, unit)}</span>}
        </li>
      ))}
    </ul>
  );
}
