'use client';

import dynamic from 'next/dynamic';
import { formatMeasurement } from '@/lib/domain/format';
import { useTranslations } from 'next-intl';
import { CloseEntryButton } from './close-entry-button';
import type { ColumnDef } from '@tanstack/react-table';
import { useIndicatorName } from './use-indicator-name';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import type { BadgeTone } from '@/components/ui/variants';
import type { CellDto } from '@/lib/contracts/fund';
import type { MonitoringView } from '@/lib/contracts/fund';
import { SampleList } from './sample-list';

// The form that resolves a dispute is fetched when the fund opens it.
const ResolveForm = dynamic(() => import('./resolve-form').then((m) => m.ResolveForm));

const sides = ['UPSTREAM', 'DOWNSTREAM', 'FUND'] as const;
type Side = (typeof sides)[number];

const stateTone: Record<string, BadgeTone> = {
  missing: 'quiet',
  sealed: 'quiet',
  incomplete: 'warning',
  single: 'info',
  agreed: 'success',
  disputed: 'alarm',
  resolved: 'special',
};

function EntryLine({ entry }: { entry: CellDto['current'][number] }) {
  const t = useTranslations('fund');
  return (
    <div className="space-y-0.5" data-testid={`entry-${entry.side}`} data-entry-id={entry.id}>
      {entry.value === null ? (
        <div className="text-xs text-slate-600" data-testid="sealed-value">
          {t('monitoring.sealedValue')}
          {entry.sampleCount !== null && ` · ${t('monitoring.samples.count', { count: entry.sampleCount })}`}
        </div>
      ) : entry.samples ? (
        <>
          <div className="num font-medium">{formatMeasurement(entry.value)}</div>
          <SampleList samples={entry.samples} meanOf testId={`samples-${entry.side}`} />
        </>
      ) : (
        <div className="num font-medium">{entry.value}</div>
      )}
      <div className="text-xs text-slate-500">
        {entry.laboratory} · {entry.sampledFrom === entry.sampledTo ? entry.sampledFrom : `${entry.sampledFrom} – ${entry.sampledTo}`}
      </div>
      <div className="text-xs text-slate-500">
        {t('monitoring.enteredBy', { name: entry.enteredBy })}
        {entry.source === 'IMPORT' && entry.fileName ? ` · ${entry.fileName}` : ''}
      </div>
    </div>
  );
}

const cellKey = (cell: CellDto) => `${cell.year}-${cell.indicator}`;

/** The columns of a year's results: indicator, state, the value used (and how a dispute was resolved), each side's entry, the difference. */
function useCellColumns({
  dealId,
  agreementId,
  view,
  settled,
  resolving,
  onResolve,
}: {
  dealId: string;
  agreementId: string;
  view: MonitoringView;
  settled: boolean;
  resolving: string | null;
  onResolve: (key: string | null) => void;
}): ColumnDef<CellDto, unknown>[] {
  const t = useTranslations('fund');
  const units = Object.fromEntries(view.indicators.map((i) => [i.name, i.unit]));
  const indicatorName = useIndicatorName();
  const entryOf = (cell: CellDto, side: Side) => cell.current.find((e) => e.side === side);
  return [
    {
      id: 'indicator',
      header: t('monitoring.field.indicator'),
      cell: ({ row }) => (
        <>
          <span>{indicatorName(row.original.indicator)}</span> <span className="text-xs text-slate-500">{units[row.original.indicator] ?? ''}</span>
        </>
      ),
    },
    {
      id: 'state',
      header: t('monitoring.col.state'),
      cell: ({ row }) => <Badge tone={stateTone[row.original.state] ?? 'neutral'}>{t(`monitoring.state.${row.original.state}`)}</Badge>,
    },
    {
      id: 'used',
      header: t('monitoring.col.used'),
      cell: ({ row: { original: cell } }) => (
        <div className="num font-medium" data-testid={`used-${cellKey(cell)}`}>
          {cell.value !== null ? formatMeasurement(cell.value) : '—'}
          {cell.samples && <SampleList samples={cell.samples} meanOf testId={`used-samples-${cellKey(cell)}`} />}
          {cell.resolution && (
            <div className="text-xs font-normal text-violet-900">
              {t(`monitoring.resolve.method.${cell.resolution.method}`)} · {cell.resolution.resolvedBy}
              {cell.resolution.evidence && (
                <>
                  {' · '}
                  <a className="underline" href={`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/evidence/${cell.resolution.evidence.sha256}`}>
                    {cell.resolution.evidence.fileName}
                  </a>
                </>
              )}
              <div className="text-slate-600">{cell.resolution.note}</div>
            </div>
          )}
        </div>
      ),
    },
    ...sides.map((side): ColumnDef<CellDto, unknown> => ({
      id: side,
      header: t(`side.${side}`),
      cell: ({ row }) => {
        const entry = entryOf(row.original, side);
        return entry ? <EntryLine entry={entry} /> : <span className="text-slate-400">—</span>;
      },
    })),
    {
      id: 'difference',
      header: t('monitoring.col.difference'),
      cell: ({ row: { original: cell } }) => (
        <>
          {cell.spread !== null && <div className="num text-xs text-slate-600">{t('monitoring.spread', { spread: cell.spread, allowed: cell.allowed ?? '0' })}</div>}
          {cell.compared === 'sample' && (
            <div className="text-xs text-slate-600" data-testid={`compared-by-sample-${cellKey(cell)}`}>
              {cell.differing.length ? t('monitoring.samples.differing', { dates: cell.differing.map((d) => d.on).join(t('common.listSeparator')) }) : t('monitoring.samples.comparedBySample')}
            </div>
          )}
          {cell.superseded.length > 0 && <div className="text-xs text-slate-500">{t('monitoring.superseded', { count: cell.superseded.length })}</div>}
          {cell.state === 'incomplete' && (
            <div className="text-xs text-amber-800" data-testid={`missing-labs-${cellKey(cell)}`}>
              {t('monitoring.missingLabs', { labs: cell.missingLabs.map((lab) => t(`monitoring.lab.${lab}`)).join(t('common.listSeparator')) })}
            </div>
          )}
          {(cell.state === 'disputed' || cell.state === 'incomplete') && view.agreement.status === 'ARCHIVED' && view.me.mayAdminister && !settled && (
            <Button intent="quiet" className="mt-1" onClick={() => onResolve(resolving === cellKey(cell) ? null : cellKey(cell))} testId={`resolve-${cellKey(cell)}`}>
              {t('monitoring.resolve.open')}
            </Button>
          )}
          {cell.state === 'disputed' && !view.me.mayAdminister && <div className="text-xs text-red-800">{t('monitoring.waitForFund')}</div>}
        </>
      ),
    },
  ];
}

/** A year's results: per indicator the value used, each side's entry, how far they differ, and the fund's resolution of a dispute. */
export function MonitoringYear({
  dealId,
  agreementId,
  year,
  cells,
  view,
  settled,
  resolving,
  onResolve,
  onResolved,
}: {
  dealId: string;
  agreementId: string;
  year: number;
  cells: CellDto[];
  view: MonitoringView;
  settled: boolean;
  resolving: string | null;
  onResolve: (key: string | null) => void;
  onResolved: () => void;
}) {
  const t = useTranslations('fund');
  const columns = useCellColumns({ dealId, agreementId, view, settled, resolving, onResolve });
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`monitoring-year-${year}`}>
      <h2 className="flex items-baseline gap-3 font-semibold">
        <span className="num">{year}</span>
        {settled && <Badge tone="neutral">{t('monitoring.settledFinal')}</Badge>}
        {!settled && view.years.find((y) => y.year === year)?.entryClosed && <Badge tone="neutral">{t('monitoring.closeEntry.closed')}</Badge>}
        {!settled && !view.years.find((y) => y.year === year)?.entryClosed && view.me.mayAdminister && view.agreement.status === 'ARCHIVED' && (
          <CloseEntryButton dealId={dealId} agreementId={agreementId} year={year} onClosed={onResolved} />
        )}
      </h2>
      <DataTable
        className="mt-3"
        caption={t('monitoring.yearResults', { year })}
        columns={columns}
        data={cells}
        rowKey={cellKey}
        rowLook={(cell) => ({ testId: `cell-${cellKey(cell)}`, data: { state: cell.state }, className: cell.state === 'disputed' ? 'bg-red-50' : undefined })}
        detail={(cell) => (resolving === cellKey(cell) ? <ResolveForm dealId={dealId} agreementId={agreementId} cell={cell} onDone={onResolved} /> : null)}
      />
    </section>
  );
}
