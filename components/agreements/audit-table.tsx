import { AuditSentence } from '@/components/deals/audit-event';
import { RenderedTable } from '@/components/ui/rendered-table';
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
export function AuditTable({
  events,
  labels,
  lang,
  unit,
  testId,
}: {
  events: AuditRow[];
  labels: { seq: string; at: string; action: string; by: string; hash: string };
  lang: AppLocale;
  unit: ReaderUnit;
  testId: string;
}) {
  return (
    <RenderedTable
      className="mt-3"
      testId={testId}
      caption={labels.action}
      columns={[
        { id: 'seq', header: labels.seq, numeric: true },
        { id: 'at', header: labels.at, nowrap: true },
        { id: 'action', header: labels.action },
        { id: 'by', header: labels.by },
        { id: 'hash', header: labels.hash },
      ]}
      rows={events.map((event) => ({
        key: String(event.seq),
        cells: {
          seq: event.seq,
          at: <span className="num">{formatDateTime(event.at, lang)}</span>,
          action: <AuditSentence description={event.description} lang={lang} unit={unit} />,
          by: event.actor ?? '—',
          hash: (
            <span className="font-mono text-xs text-slate-500" title={event.hash}>
              {event.hash.slice(0, 12)}
            </span>
          ),
        },
      }))}
    />
  );
}
