'use client';

import type { ReactNode } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { Field } from './field';
import { NumberInput } from './number-input';

/** A react-hook-form field holding a decimal: a Field with a NumberInput, the schema's message under it. */
export function NumberField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  placeholder,
  className,
  testId,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: ReactNode;
  hint?: ReactNode;
  placeholder?: string;
  className?: string;
  testId?: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} hint={hint} error={fieldState.error?.message}>
          <NumberInput
            value={String(field.value ?? '')}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            ref={field.ref}
            placeholder={placeholder}
            className={className}
            testId={testId}
          />
        </Field>
      )}
    />
  );
}
