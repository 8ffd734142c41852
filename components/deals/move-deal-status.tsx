'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Problems } from '@/components/ui/problems';
import { useApiForm } from '@/components/ui/use-api-form';
import type { DealStatus } from '@/lib/domain/actor';

/** A manager moves the deal one step on, after saying so in a dialog (the API decides whether it may). */
export function MoveDealStatus({ dealId, to }: { dealId: string; to: DealStatus }) {
  const t = useTranslations('dealStatus');
  const tStatus = useTranslations('status');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { busy, failure, send } = useApiForm();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button intent="secondary" size="sm" disabled={busy} onClick={() => setConfirming(true)} testId="move-deal-status">
        {t('moveButton', { status: tStatus(to) })}
      </Button>
      <ConfirmDialog
        open={confirming}
        busy={busy}
        title={t('moveTitle', { status: tStatus(to) })}
        body={t(`moveBody.${to}`)}
        confirmLabel={t('moveConfirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void send(
            () => callApi(`/api/v1/deals/${dealId}`, { method: 'PATCH', json: { status: to } }),
            () => router.refresh(),
          );
        }}
        testId="move-deal-status-dialog"
      />
      {failure && <Problems failure={failure} className="text-xs" />}
    </div>
  );
}
