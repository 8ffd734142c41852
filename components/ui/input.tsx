'use client';

import type { ComponentProps } from 'react';
import { cn } from './cn';
import { useFieldWiring } from './field-context';
import { buttonVariants, controlVariants, sliderVariants, type ButtonVariants, type ControlVariants, type SliderVariants } from './variants';

type Own = { className?: string; testId?: string; size?: ControlVariants['size']; numeric?: boolean };

/** A text, date, e-mail or password box. Numbers go in NumberInput, files in FileInput (file-input.tsx). */
export function Input({
  className,
  testId,
  size,
  numeric,
  ...props
}: Omit<ComponentProps<'input'>, 'className' | 'size' | 'type'> & Own & { type?: 'text' | 'date' | 'email' | 'password' | 'search' | 'month' }) {
  const wiring = useFieldWiring(props);
  return (
    <input
      {...props}
      id={wiring.id}
      aria-invalid={wiring['aria-invalid']}
      aria-describedby={wiring['aria-describedby']}
      className={cn(controlVariants({ size, numeric, invalid: wiring.invalid }), className)}
      data-testid={testId}
    />
  );
}

export function Textarea({ className, testId, size, ...props }: Omit<ComponentProps<'textarea'>, 'className'> & Omit<Own, 'numeric'>) {
  const wiring = useFieldWiring(props);
  return (
    <textarea
      {...props}
      id={wiring.id}
      aria-invalid={wiring['aria-invalid']}
      aria-describedby={wiring['aria-describedby']}
      className={cn(controlVariants({ size, invalid: wiring.invalid }), className)}
      data-testid={testId}
    />
  );
}

/** A check box with its label after it. */
export function Checkbox({ label, className, testId, ...props }: Omit<ComponentProps<'input'>, 'className' | 'type'> & { label: React.ReactNode; className?: string; testId?: string }) {
  return (
    <label className={cn('inline-flex items-center gap-1', className)}>
      <input {...props} type="checkbox" className="accent-water-700" data-testid={testId} />
      {label}
    </label>
  );
}

/** A radio button with its label after it. */
export function Radio({ label, className, testId, ...props }: Omit<ComponentProps<'input'>, 'className' | 'type'> & { label: React.ReactNode; className?: string; testId?: string }) {
  return (
    <label className={cn('inline-flex items-center gap-1', className)}>
      <input {...props} type="radio" className="accent-water-700" data-testid={testId} />
      {label}
    </label>
  );
}

/** A value the form carries without showing it. */
export function HiddenInput(props: Omit<ComponentProps<'input'>, 'type'>) {
  return <input {...props} type="hidden" />;
}

/** A file picker that looks like a button (the browser's own control is hidden, still reachable by keyboard and tests). */
export function FileButton({
  label,
  intent = 'secondary',
  size = 'md',
  className,
  testId,
  ...props
}: Omit<ComponentProps<'input'>, 'className' | 'type' | 'size'> & ButtonVariants & { label: React.ReactNode; className?: string; testId?: string }) {
  return (
    <label className={cn(buttonVariants({ intent, size }), 'cursor-pointer focus-within:outline-2 focus-within:outline-water-600', props.disabled && 'opacity-50', className)}>
      {label}
      <input {...props} type="file" className="sr-only" data-testid={testId} />
    </label>
  );
}

/** A range slider (a weight between 0 and 1); the number it stands for is shown beside it by the caller. Its look is `sliderVariants`. */
export function Slider({ className, testId, width, ...props }: Omit<ComponentProps<'input'>, 'className' | 'type' | 'width'> & SliderVariants & { className?: string; testId?: string }) {
  return <input {...props} type="range" className={cn(sliderVariants({ width }), className)} data-testid={testId} />;
}
