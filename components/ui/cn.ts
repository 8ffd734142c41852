import { cx } from 'class-variance-authority';
import { twMerge } from 'tailwind-merge';

/**
 * A variant's classes and a caller's, the caller's winning where both set the same property
 * (a link button's padding, a banner's layout); without tailwind-merge, which of two conflicting
 * utilities applies depends on their order in the generated stylesheet.
 */
export function cn(...classes: Parameters<typeof cx>): string {
  return twMerge(cx(...classes));
}
