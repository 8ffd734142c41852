import type { ReactNode } from 'react';
import { cn } from './cn';
import { badgeVariants, type BadgeSize, type BadgeTone } from './variants';

/** A short state word ("已接受", "有争议") in a tone of the kit. */
export function Badge({
  tone,
  size,
  children,
  className,
  testId,
  role,
  title,
}: {
  tone?: BadgeTone;
  size?: BadgeSize;
  children: ReactNode;
  className?: string;
  testId?: string;
  role?: 'alert' | 'status';
  title?: string;
}) {
  return (
    <span role={role} title={title} className={cn(badgeVariants({ tone, size }), className)} data-testid={testId}>
      {children}
    </span>
  );
}
