import type { ComponentProps } from 'react';
import { cn } from './cn';
import { cellVariants } from './variants';

/**
 * The box of a spreadsheet cell (the scenario editor's grids): borderless until hovered or
 * focused, red while its text is not valid. The cell's behaviour (what it commits, moving between
 * cells) is the editor's; its look is the kit's.
 */
export function CellInput({
  invalid,
  numeric,
  boxed,
  className,
  testId,
  ...props
}: Omit<ComponentProps<'input'>, 'className' | 'type'> & { invalid: boolean; numeric: boolean; boxed?: boolean; className?: string; testId?: string }) {
  return (
    <input
      {...props}
      type="text"
      inputMode={numeric ? 'decimal' : undefined}
      aria-invalid={invalid || undefined}
      className={cn(cellVariants({ invalid, numeric, boxed }), className)}
      data-testid={testId}
    />
  );
}
