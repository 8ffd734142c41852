'use client';

import type { ComponentProps } from 'react';
import { cn } from './cn';
import { useFieldWiring } from './field-context';
import { controlVariants, type ControlVariants } from './variants';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A native select (keyboard, screen readers and phones handle it best); options as children or as a list. */
export function Select({
  className,
  testId,
  size,
  bare,
  options,
  children,
  ...props
}: Omit<ComponentProps<'select'>, 'className' | 'size'> & { className?: string; testId?: string; size?: ControlVariants['size']; bare?: boolean; options?: readonly SelectOption[] }) {
  const wiring = useFieldWiring(props);
  return (
    <select
      {...props}
      id={wiring.id}
      aria-invalid={wiring['aria-invalid']}
      aria-describedby={wiring['aria-describedby']}
      className={cn(controlVariants({ size, bare, invalid: wiring.invalid }), className)}
      data-testid={testId}
    >
      {options?.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}
