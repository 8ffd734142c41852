'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** Ends every session of the user (DELETE /api/v1/me/sessions), then this browser's. */
export function SignOutEverywhereButton() {
  const t = useTranslations('nav');
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      data-testid="sign-out-everywhere"
      title={t('signOutEverywhereHint')}
      onClick={async () => {
        setBusy(true);
        await fetch('/api/v1/me/sessions', { method: 'DELETE' }).catch(() => undefined);
        await signOut({ callbackUrl: '/login' });
      }}
      className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-50"
    >
      {t('signOutEverywhere')}
    </button>
  );
}
