'use client';

import { useTranslations } from 'next-intl';
import type { ApiFailure } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Problems } from '@/components/ui/problems';

/** A fund form's submit button, what happened to the last submission, and its problems. */
export function FormOutcome({
  busy,
  saved,
  failure,
  submit,
  savedText,
  testIds,
}: {
  busy: boolean;
  saved: boolean;
  failure: ApiFailure | null;
  submit: string;
  savedText?: string;
  testIds: { submit?: string; saved?: string; problems: string };
}) {
  const t = useTranslations('fund');
  return (
    <>
      <Button type="submit" disabled={busy} testId={testIds.submit}>
        {busy ? t('common.saving') : submit}
      </Button>
      {saved && (
        <p role="status" className="text-sm text-emerald-800" data-testid={testIds.saved}>
          {savedText ?? t('common.saved')}
        </p>
      )}
      {failure && <Problems failure={failure} testId={testIds.problems} recover />}
    </>
  );
}
