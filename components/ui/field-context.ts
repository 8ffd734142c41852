'use client';

import { createContext, useContext } from 'react';

/** What a Field tells the control inside it: its id and the ids of its hint and error. */
export interface FieldWiring {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

export const FieldContext = createContext<FieldWiring | null>(null);

/** The control's id and aria attributes: the Field's, unless the control was given its own. */
export function useFieldWiring(props: { id?: string; 'aria-invalid'?: unknown; 'aria-describedby'?: string }, invalidOfItsOwn = false) {
  const field = useContext(FieldContext);
  const invalid = invalidOfItsOwn || Boolean(field?.invalid) || props['aria-invalid'] === true || props['aria-invalid'] === 'true';
  const describedBy = [field?.describedBy, props['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return { id: props.id ?? field?.id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy, invalid };
}
