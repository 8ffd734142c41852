import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';

/** Every message for the browser code below (the root layout sends only the shell's: lib/domain/client-messages.ts). */
export function AllMessages({ children }: { children: ReactNode }) {
  // Without a messages prop, next-intl's server provider passes on every message of the request's locale.
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
