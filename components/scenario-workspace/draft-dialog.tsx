'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { formatDateTime } from '@/lib/domain/format';
import type { Draft } from './use-draft';

/**
 * A stored draft met by "Edit" or "Restore": the member resumes it or discards it, explicitly.
 * Three answers, not a confirmation: closing the dialog (Escape) must not be taken for "discard".
 */
export function DraftDialog({
  draft,
  instead,
  onResume,
  onDiscard,
  onCancel,
}: {
  draft: Draft;
  instead: { kind: 'edit' | 'restore'; number: number };
  onResume: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations('version');
  const lang = useLocale() === 'en' ? 'en' : 'zh';
  return (
    <Dialog
      open
      onClose={onCancel}
      title={t('draftDialogTitle')}
      testId="draft-dialog"
      footer={
        <>
          <Button intent="secondary" onClick={onCancel} testId="draft-dialog-cancel">
            {t('cancel')}
          </Button>
          <Button intent="dangerOutline" onClick={onDiscard} testId="draft-dialog-discard">
            {instead.kind === 'edit' ? t('draftDiscardAndEdit', { number: instead.number }) : t('draftDiscardAndRestore', { number: instead.number })}
          </Button>
          <Button onClick={onResume} autoFocus testId="draft-dialog-resume">
            {t('resumeDraft')}
          </Button>
        </>
      }
    >
      <p>{t('draftFound', { number: draft.baseNumber, time: formatDateTime(new Date(draft.keptAt), lang) })}</p>
      <p className="mt-2">{t('draftDialogBody')}</p>
    </Dialog>
  );
}
