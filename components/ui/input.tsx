'use client';

import { useState, type ComponentProps } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from './cn';
import { useFieldWiring } from './field-context';
import { buttonVariants, controlVariants, sliderVariants, type ButtonVariants, type ControlVariants, type SliderVariants } from './variants';

type Own = { className?: string; testId?: string; size?: ControlVariants['size']; numeric?: boolean };

/** A text, date, e-mail or password box. Numbers go in NumberInput, files in FileInput. */
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

/**
 * A file picker with its button and the chosen file's name in the page's language: the browser's
 * own control speaks the browser's language, which need not be the reader's. The input itself is
 * hidden but keeps the field's id, so the field's label, the keyboard and tests still reach it.
 */
export function FileInput({ className, testId, onChange, ...props }: Omit<ComponentProps<'input'>, 'className' | 'type'> & { className?: string; testId?: string }) {
  const t = useTranslations('ui');
  const wiring = useFieldWiring(props);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <span className={cn('inline-flex flex-wrap items-center gap-2 text-sm', className)}>
      <label className={cn(buttonVariants({ intent: 'secondary', size: 'sm' }), 'cursor-pointer focus-within:outline-2 focus-within:outline-water-600', props.disabled && 'opacity-50')}>
        {t('chooseFile')}
        <input
          {...props}
          type="file"
          id={wiring.id}
          aria-invalid={wiring['aria-invalid']}
          aria-describedby={wiring['aria-describedby']}
          className="sr-only"
          data-testid={testId}
          onChange={(event) => {
            const names = [...(event.target.files ?? [])].map((file) => file.name);
            setChosen(names.length ? names.join(t('fileSeparator')) : null);
            onChange?.(event);
          }}
        />
      </label>
      {/* A file's name is the reader's data, in whatever language it was written. */}
      <span className="text-slate-600" data-data={chosen ? '' : undefined}>
        {chosen ?? t('noFileChosen')}
      </span>
    </span>
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
