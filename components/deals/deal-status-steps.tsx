import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { dealStatuses, type DealStatus } from '@/lib/domain/actor';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';

/**
 * The deal's life (lib/domain/deal-rights.ts dealStatusTransitions): each state in a sentence,
 * what moves it on and who may, the current one marked. `action` is where a manager moves it.
 */
export function DealStatusSteps({ current, action, className }: { current?: DealStatus; action?: ReactNode; className?: string }) {
  const t = useTranslations('dealStatus');
  const tStatus = useTranslations('status');
  return (
    <section className={cn('rounded-lg border border-slate-200 bg-white p-4 text-sm', className)} data-testid="deal-status">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{t('title')}</h2>
        {action}
      </div>
      <ol className="mt-3 space-y-2">
        {dealStatuses.map((status, i) => (
          <li key={status} className={cn('flex gap-3 rounded-md px-2 py-1', status === current && 'bg-water-50')} data-status={status} aria-current={status === current ? 'step' : undefined}>
            <span className="num w-5 shrink-0 text-slate-400">{i + 1}</span>
            <div>
              <p>
                <span className="font-medium">{tStatus(status)}</span>
                {status === current && (
                  <Badge tone="info" className="ml-2">
                    {t('current')}
                  </Badge>
                )}
                <span className="ml-2 text-slate-700">{t(`explain.${status}`)}</span>
              </p>
              <p className="text-slate-500">{t(`move.${status}`)}</p>
            </div>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-slate-500">{t('forwardOnly')}</p>
    </section>
  );
}
