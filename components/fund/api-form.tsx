'use client';

import { useTranslations } from 'next-intl';
import type { ApiFailure } from '@/components/api-client';
import { FieldProblem } from '@/components/ui/field-problem';

/** Every problem of a refused request, as the server listed them (in the reader's language). */
export function Problems({ failure, testId }: { failure: ApiFailure; testId: string }) {
  const t = useTranslations('fund');
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid={testId}>
      <p className="font-medium">{failure.status === 0 ? t('common.network') : failure.problems.length ? t('common.problems', { count: failure.problems.length }) : failure.message}</p>
      {failure.problems.length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {failure.problems.map((p, i) => (
            <li key={i}>
              <FieldProblem field={p.label ?? p.field} message={p.message} />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-red-800">{t('common.recover')}</p>
    </div>
  );
}

/** A form's submit button, what happened to the last submission, and its problems. */
export function FormOutcome({ busy, saved, failure, submit, savedText, testIds }: { busy: boolean; saved: boolean; failure: ApiFailure | null; submit: string; savedText?: string; testIds: { submit?: string; saved?: string; problems: string } }) {
  const t = useTranslations('fund');
  return (
    <>
      <button type="submit" className={submitButton} disabled={busy} data-testid={testIds.submit}>
        {busy ? t('common.saving') : submit}
      </button>
      {saved && (
        <p role="status" className="text-sm text-emerald-800" data-testid={testIds.saved}>
          {savedText ?? t('common.saved')}
        </p>
      )}
      {failure && <Problems failure={failure} testId={testIds.problems} />}
    </>
  );
}

export const submitButton = 'rounded-md bg-water-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-water-900 disabled:opacity-50';
