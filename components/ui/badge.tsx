import type { ReactNode } from 'react';
import { cn } from './cn';
import { badgeVariants, type BadgeTone } from './variants';

/** A short state word ("已接受", "有争议") in a tone of the kit. */
export function Badge({ tone, children, className, testId, role }: { tone?: BadgeTone; children: ReactNode; className?: string; testId?: string; role?: 'alert' | 'status' }) {
  return (
    <span role={role} className={cn(badgeVariants({ tone }), className)} data-testid={testId}>
      {children}
    </span>
  );
}
