import Link from 'next/link';
import type { ReactNode } from 'react';
import { tabVariants } from './variants';

export interface TabLink {
  href: string;
  label: ReactNode;
  current: boolean;
  testId?: string;
}

/**
 * The look of Tabs for pages that are each their own address (an agreement's monitoring,
 * settlements, ledger, history): links in a navigation landmark, the current one marked as the page.
 */
export function TabLinks({ links, label }: { links: readonly TabLink[]; label: string }) {
  return (
    <nav className="flex gap-1 border-b border-slate-200" aria-label={label}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.current ? 'page' : undefined} className={tabVariants({ selected: link.current })} data-testid={link.testId}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
