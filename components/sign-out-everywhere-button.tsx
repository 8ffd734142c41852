'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

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
        await signOut({ callbackUrl: '/login' });
      }}
    >
      {t('signOutEverywhere')}
    </Button>
  );
}
