'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { signOutHere } from './sign-out-button';

/** Ends every session of the user (DELETE /api/v1/me/sessions), then this browser's. */
export function SignOutEverywhereButton() {
  const t = useTranslations('nav');
  const [busy, setBusy] = useState(false);
  return (
    <Button
      intent="secondary"
      size="sm"
      disabled={busy}
      testId="sign-out-everywhere"
      title={t('signOutEverywhereHint')}
      onClick={async () => {
        setBusy(true);
        await fetch('/api/v1/me/sessions', { method: 'DELETE' }).catch(() => undefined);
        await signOutHere();
      }}
    >
      {t('signOutEverywhere')}
    </Button>
  );
}
