'use client';

import { useTranslations } from 'next-intl';
import { useIndicatorName } from './use-indicator-name';
import { Fragment } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { BadgeTone } from '@/components/ui/variants';
import type { CellDto } from '@/lib/contracts/fund';
import type { MonitoringView } from '@/lib/contracts/fund';
import { ResolveForm } from './resolve-form';

const sides = ['UPSTREAM', 'DOWNSTREAM', 'FUND'] as const;
type Side = (typeof sides)[number];

const stateTone: Record<string, BadgeTone> = {
  missing: 'quiet',
  single: 'info',
  agreed: 'success',
  disputed: 'alarm',
  resolved: 'special',
};

function EntryLine({ entry }: { entry: CellDto['current'][number] }) {
  const t = useTranslations('fund');
  return (
    <div className="space-y-0.5" data-testid={`entry-${entry.side}`} data-entry-id={entry.id}>
      <div className="num font-medium">{entry.value}</div>
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
  const indicatorName = useIndicatorName();
  const units = Object.fromEntries(view.indicators.map((i) => [i.name, i.unit]));
  return (
  <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`monitoring-year-${year}`}>
    <h2 className="flex items-baseline gap-3 font-semibold">
      <span className="num">{year}</span>
      {settled && <Badge tone="neutral" className="px-2">{t('monitoring.settledFinal')}</Badge>}
    </h2>
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-600">
          <tr>
            <th className="py-1 pr-3 font-medium">{t('monitoring.field.indicator')}</th>
            <th className="py-1 pr-3 font-medium">{t('monitoring.col.state')}</th>
            <th className="py-1 pr-3 font-medium">{t('monitoring.col.used')}</th>
            {sides.map((s) => (
              <th key={s} className="py-1 pr-3 font-medium">
                {t(`side.${s}`)}
              </th>
            ))}
            <th className="py-1 font-medium">{t('monitoring.col.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => {
            const key = `${cell.year}-${cell.indicator}`;
            const bySide = new Map<Side, CellDto['current'][number]>(cell.current.map((e) => [e.side as Side, e]));
            return (
              <Fragment key={key}>
              <tr className={`border-t border-slate-100 align-top ${cell.state === 'disputed' ? 'bg-red-50' : ''}`} data-testid={`cell-${key}`} data-state={cell.state}>
                <td className="py-2 pr-3">
                  <span title={cell.indicator}>{indicatorName(cell.indicator)}</span> <span className="text-xs text-slate-500">{units[cell.indicator] ?? ''}</span>
                </td>
                <td className="py-2 pr-3">
                  <Badge tone={stateTone[cell.state] ?? 'neutral'} className="px-2">{t(`monitoring.state.${cell.state}`)}</Badge>
                </td>
                <td className="num py-2 pr-3 font-medium" data-testid={`used-${key}`}>
                  {cell.value ?? '—'}
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
                </td>
                {sides.map((s) => (
                  <td key={s} className="py-2 pr-3">
                    {bySide.has(s) ? <EntryLine entry={bySide.get(s)!} /> : <span className="text-slate-400">—</span>}
                  </td>
                ))}
                <td className="py-2">
                  {cell.spread !== null && (
                    <div className="num text-xs text-slate-600">{t('monitoring.spread', { spread: cell.spread, allowed: cell.allowed ?? '0' })}</div>
                  )}
                  {cell.superseded.length > 0 && <div className="text-xs text-slate-500">{t('monitoring.superseded', { count: cell.superseded.length })}</div>}
                  {cell.state === 'disputed' && view.agreement.status === 'ARCHIVED' && view.me.mayAdminister && !settled && (
                    <Button intent="quiet" className="mt-1" onClick={() => onResolve(resolving === key ? null : key)} testId={`resolve-${key}`}>
                      {t('monitoring.resolve.open')}
                    </Button>
                  )}
                  {cell.state === 'disputed' && !view.me.mayAdminister && <div className="text-xs text-red-800">{t('monitoring.waitForFund')}</div>}
                </td>
              </tr>
              {resolving === key && (
                <tr className="bg-red-50">
                  <td colSpan={7} className="px-2 pb-3">
                    <ResolveForm dealId={dealId} agreementId={agreementId} cell={cell} onDone={onResolved} />
                  </td>
                </tr>
              )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  </section>
  );
}
