import type { ReactNode } from 'react';
import { cn } from './cn';
import { toggleVariants } from './variants';

export interface ToggleOption<V extends string> {
  value: V;
  label: ReactNode;
  /** The option's own language, when its label is written in it (中文 / English). */
  lang?: string;
  testId?: string;
}

/** One of a few views or settings, as pressed buttons in a group (the language, by period or by year, 万元 or 亿元). */
export function ToggleGroup<V extends string>({
  options,
  value,
  onChange,
  label,
  disabled,
  size = 'md',
  className,
}: {
  options: readonly ToggleOption<V>[];
  value: V;
  onChange: (value: V) => void;
  label: string;
  disabled?: boolean;
  size?: 'sm' | 'md';
  className?: string;
}) {
  return (
    <div role="group" aria-label={label} className={cn('inline-flex overflow-hidden rounded-md border border-slate-300', size === 'sm' ? 'text-xs' : 'text-sm', className)}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.lang}
          aria-pressed={value === option.value}
          disabled={disabled}
          onClick={() => onChange(option.value)}
          className={toggleVariants({ pressed: value === option.value, size })}
          data-testid={option.testId}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
