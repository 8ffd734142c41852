import Link from 'next/link';
import type { ComponentProps } from 'react';
import { cn } from './cn';
import { buttonVariants, type ButtonVariants } from './variants';

export type ButtonProps = Omit<ComponentProps<'button'>, 'className'> & ButtonVariants & { className?: string; testId?: string };

/** The platform's button; `type` defaults to "button" so a button inside a form never submits it by accident. */
export function Button({ intent, size, className, type = 'button', testId, ...props }: ButtonProps) {
  return <button type={type} className={cn(buttonVariants({ intent, size }), className)} data-testid={testId} {...props} />;
}

/** A link that looks like a button (downloads, navigation). */
export function ButtonLink({ intent, size, className, testId, ...props }: Omit<ComponentProps<'a'>, 'className'> & ButtonVariants & { className?: string; testId?: string }) {
  return <a className={cn(buttonVariants({ intent, size }), className)} data-testid={testId} {...props} />;
}

/** A link within the platform (next/link: no full reload) that looks like a button: a page's tabs, "back to the agreement". */
export function ButtonNavLink({ intent, size, className, testId, ...props }: Omit<ComponentProps<typeof Link>, 'className'> & ButtonVariants & { className?: string; testId?: string }) {
  return <Link className={cn(buttonVariants({ intent, size }), className)} data-testid={testId} {...props} />;
}
