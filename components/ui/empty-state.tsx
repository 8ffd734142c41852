import type { ReactNode } from 'react';
import { cn } from './cn';
import { emptyStateVariants, type EmptyStateSize } from './variants';

/**
 * Nothing here yet: what is missing (`title`), what comes next (`hint`), and an action or a link as
 * children. One text alone goes in `hint` (or as children).
 */
export function EmptyState({
  title,
  hint,
  children,
  size,
  className,
  testId,
}: {
  title?: ReactNode;
  hint?: ReactNode;
  children?: ReactNode;
  size?: EmptyStateSize;
  className?: string;
  testId?: string;
}) {
  return (
    <div className={cn(emptyStateVariants({ size }), className)} data-testid={testId}>
      {title && <p className="font-medium">{title}</p>}
      {hint && <p className={cn('text-slate-600', title && (size === 'panel' ? 'mt-1' : 'mt-2'))}>{hint}</p>}
      {children}
    </div>
  );
}
