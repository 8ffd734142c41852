'use client';

import { cn } from './cn';
import { useRef, useState, type ComponentProps } from 'react';
import { useFieldWiring } from './field-context';
import { numberValueOf, parseNumberText } from './number-text';
import { controlVariants, type ControlVariants } from './variants';

export interface NumberInputProps extends Omit<ComponentProps<'input'>, 'className' | 'value' | 'onChange' | 'type' | 'size' | 'defaultValue'> {
  /** The canonical decimal ("1234.5"), "" or, while it is not a number, the text as typed; without it the box keeps its own (a GET form's filter). */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  className?: string;
  testId?: string;
  size?: ControlVariants['size'];
}

/**
 * A decimal box: a focused box has its text selected, so typing replaces it (as in a spreadsheet);
 * "1,234.5", "1 234.5", "１２３４．５" and "1，234" are read as 1234.5 and the form gets the canonical
 * decimal; a text that is not a number stays visible, marked invalid, and reaches the form as it
 * is, so the form's schema refuses it instead of saving a number nobody typed.
 */
export function NumberInput({ value, defaultValue, onChange, onFocus, onBlur, className, testId, size, ...props }: NumberInputProps) {
  const [text, setText] = useState(value ?? defaultValue ?? '');
  // The form may set the value itself (a reset, a new row): show it unless it is what the text already means.
  const [shown, setShown] = useState(value);
  if (value !== undefined && value !== shown) {
    setShown(value);
    if (numberValueOf(text) !== value) setText(value);
  }
  const invalid = parseNumberText(text).kind === 'invalid';
  // The click that focuses the box would drop the selection where the pointer lands.
  const focusingClick = useRef(false);
  const wiring = useFieldWiring(props, invalid);
  return (
    <input
      {...props}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={text}
      id={wiring.id}
      aria-invalid={wiring['aria-invalid']}
      aria-describedby={wiring['aria-describedby']}
      className={cn(controlVariants({ size, numeric: true, invalid: wiring.invalid }), className)}
      data-testid={testId}
      onFocus={(event) => {
        event.currentTarget.select();
        onFocus?.(event);
      }}
      onMouseDown={(event) => {
        focusingClick.current = document.activeElement !== event.currentTarget;
      }}
      onMouseUp={(event) => {
        if (focusingClick.current) event.preventDefault();
        focusingClick.current = false;
      }}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const emitted = numberValueOf(next);
        setShown(emitted);
        onChange?.(emitted);
      }}
      onBlur={(event) => {
        // Leaving the box shows what was understood: "１，２３４．５０" becomes "1234.5".
        const parsed = parseNumberText(text);
        if (parsed.kind === 'number') setText(parsed.value);
        onBlur?.(event);
      }}
    />
  );
}
