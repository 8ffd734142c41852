import type { ComponentProps } from 'react';
import { cn } from './cn';
import { noticeVariants, type NoticeSize, type NoticeTone } from './variants';

type NoticeProps = Omit<ComponentProps<'div'>, 'className'> & { tone?: NoticeTone; size?: NoticeSize; as?: 'div' | 'section'; className?: string; testId?: string };

/**
 * A banner: something the reader should know (role="status") or act on (role="alert"); pass
 * `role={undefined}` for a quoted text or a banner that is part of the page as drawn, and
 * `as="section"` for one with a heading of its own.
 */
export function Notice({ tone, size, as: Element = 'div', className, testId, ...props }: NoticeProps) {
  return <Element role={tone === 'error' || tone === 'warning' || tone === 'alarm' ? 'alert' : 'status'} className={cn(noticeVariants({ tone, size }), className)} data-testid={testId} {...props} />;
}
