import { AuditSentence } from '@/components/deals/audit-event';
import type { AuditDescription } from '@/lib/domain/audit-summary';
import { formatDateTime, type ReaderUnit } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';

export interface AuditRow {
  seq: number | string;
  at: string;
  description: AuditDescription;
  actor: string | null;
  hash: string;
}

/** An agreement's audit events: sequence, time, what happened (a sentence), who, and the start of each event's hash. */
export function AuditTable({ events, labels, lang, unit, testId }: { events: AuditRow[]; labels: { seq: string; at: string; action: string; by: string; hash: string }; lang: AppLocale; unit: ReaderUnit; testId: string }) {
  return (
    <table className="mt-3 w-full text-left text-sm" data-testid={testId}>
      <thead className="text-slate-600">
        <tr>
          {[labels.seq, labels.at, labels.action, labels.by].map((label) => (
            <th key={label} className="py-1 pr-3 font-medium">
              {label}
            </th>
          ))}
          <th className="py-1 font-medium">{labels.hash}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.seq} className="border-t border-slate-100">
            <td className="num py-1 pr-3">{event.seq}</td>
            <td className="num py-1 pr-3 whitespace-nowrap">{formatDateTime(event.at, lang)}</td>
            <td className="py-1 pr-3">
              <AuditSentence description={event.description} lang={lang} unit={unit} />
            </td>
            <td className="py-1 pr-3">{event.actor ?? '—'}</td>
            <td className="py-1 font-mono text-xs text-slate-500" title={event.hash}>
              {event.hash.slice(0, 12)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
