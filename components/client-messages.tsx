import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickNamespaces } from '@/lib/domain/client-messages';

/**
 * The message namespaces the browser code below needs, and no others (the root layout sends only
 * the shell's: lib/domain/client-messages.ts). It replaces the shell's messages for its subtree, so
 * a route's layout names every namespace its client components ask for
 * (tests/unit/client-messages.test.ts checks).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickNamespaces(await getMessages(), namespaces)}>{children}</NextIntlClientProvider>;
}
