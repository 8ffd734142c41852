'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/**
 * Ends this browser's session and goes to the sign-in page. next-auth's client (with its helpers,
 * ≈8 KB compressed) is fetched on the click, not with every page that shows the button.
 */
export async function signOutHere(): Promise<void> {
  const { signOut } = await import('next-auth/react');
  await signOut({ callbackUrl: '/login' });
}

export function SignOutButton() {
  const t = useTranslations('nav');
  return (
    <Button intent="secondary" size="sm" onClick={() => void signOutHere()}>
      {t('signOut')}
    </Button>
  );
}
