import type { ComponentProps } from 'react';
import { cn } from './cn';
import { noticeVariants, type NoticeTone } from './variants';

/** A banner: something the reader should know (role="status") or act on (role="alert"). */
export function Notice({ tone, className, testId, ...props }: Omit<ComponentProps<'div'>, 'className'> & { tone?: NoticeTone; className?: string; testId?: string }) {
  return <div role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'} className={cn(noticeVariants({ tone }), className)} data-testid={testId} {...props} />;
}
