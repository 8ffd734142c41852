import type { ReactNode } from 'react';
import { AllMessages } from '@/components/all-messages';

export default function Layout({ children }: { children: ReactNode }) {
  return <AllMessages>{children}</AllMessages>;
}
