'use client';

import { cn } from './cn';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ApiFailure } from '@/components/api-client';
import { FieldProblem } from './field-problem';
import { noticeVariants } from './variants';

/** How many problems are listed before "… and N more". */
const shown = 50;

/**
 * The one error box: why a request (or a file checked in the browser) was refused, each problem
 * with the field or place it concerns, in the reader's language as the server or the check gave it.
 */
export function Problems({ failure, testId, title, recover = false, className }: { failure: ApiFailure; testId?: string; title?: ReactNode; recover?: boolean; className?: string }) {
  const t = useTranslations('ui');
  const { problems } = failure;
  const heading = failure.status === 0 ? t('network') : (title ?? (problems.length ? t('problems', { count: problems.length }) : failure.message));
  return (
    <div role="alert" className={cn(noticeVariants({ tone: 'error' }), className)} data-testid={testId}>
      <p className="font-medium">{heading}</p>
      {failure.status !== 0 && problems.length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {problems.slice(0, shown).map((p, i) => (
            <li key={i}>
              <FieldProblem field={p.label ?? p.field} message={p.message} fieldClassName="" />
            </li>
          ))}
          {problems.length > shown && <li>{t('moreProblems', { count: problems.length - shown })}</li>}
        </ul>
      )}
      {recover && failure.status !== 0 && <p className="mt-1 text-red-800">{t('recover')}</p>}
    </div>
  );
}
