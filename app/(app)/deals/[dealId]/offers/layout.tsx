import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';

export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['offers', 'partyShares', 'offerStatus', 'side', 'terms', 'editor', 'ui', 'schemas', 'engine', 'places', 'indicator']}>{children}</ClientMessages>;
}
