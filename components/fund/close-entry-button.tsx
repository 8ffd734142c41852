'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Problems } from '@/components/ui/problems';

/** The fund closes a year's blind entry, after saying what that does (decision 0067). */
export function CloseEntryButton({ dealId, agreementId, year, onClosed }: { dealId: string; agreementId: string; year: number; onClosed: () => void }) {
  const t = useTranslations('fund');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  async function close() {
    setBusy(true);
    const outcome = await callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/closures`, { json: { year } });
    setBusy(false);
    setOpen(false);
    if (outcome.ok) onClosed();
    else setFailure(outcome);
  }
  return (
    <>
      <Button intent="quiet" className="ml-auto text-sm font-normal" onClick={() => setOpen(true)} testId={`close-entry-${year}`}>
        {t('monitoring.closeEntry.open')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('monitoring.closeEntry.title', { year })}
        body={t('monitoring.closeEntry.body', { year })}
        confirmLabel={t('monitoring.closeEntry.confirm')}
        busy={busy}
        onConfirm={() => void close()}
        onCancel={() => setOpen(false)}
        testId={`close-entry-dialog-${year}`}
      />
      {failure && <Problems failure={failure} />}
    </>
  );
}
