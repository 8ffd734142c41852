'use client';

import type { ComponentProps } from 'react';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { itemTargets } from './targets';

/** "The whole thing" or one line item of the document, as evidence and comments address them. */
export function TargetSelect({
  label,
  whole,
  document,
  testId,
  error,
  ...select
}: { label: string; whole: string; document: ScenarioDocument; testId: string; error?: string } & Omit<ComponentProps<typeof Select>, 'options' | 'testId'>) {
  return (
    <Field label={label} error={error}>
      <Select {...select} testId={testId} options={[{ value: 'scenario', label: whole }, ...itemTargets(document).map((item) => ({ value: item.target, label: item.label }))]} />
    </Field>
  );
}
