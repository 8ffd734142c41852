'use client';

import { useId, type ReactNode } from 'react';
import { cn } from './cn';
import { FieldContext } from './field-context';

/**
 * A label, the control (a kit Input, NumberInput, Select or Textarea as the child), a hint and
 * the field's error: the control gets the label's id, aria-invalid when there is an error, and
 * aria-describedby naming the hint and the error, so a screen reader reads them with it.
 */
export function Field({
  id: givenId,
  label,
  hint,
  error,
  children,
  className,
  testId,
}: {
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex flex-col gap-1 text-sm', className)} data-testid={testId}>
      <label htmlFor={id} className="text-slate-700">
        {label}
      </label>
      <FieldContext.Provider value={{ id, describedBy, invalid: Boolean(error) }}>{children}</FieldContext.Provider>
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs text-red-700" data-field-error>
          {error}
        </p>
      )}
    </div>
  );
}
