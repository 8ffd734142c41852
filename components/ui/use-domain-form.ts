'use client';

import { useMemo } from 'react';
import { useForm, type FieldValues, type UseFormProps } from 'react-hook-form';
import type { z } from 'zod';
import { domainResolver, type LazySchema } from './domain-resolver';
import { useTextCatalogue } from './use-text-catalogue';

export { lazySchema, type LazySchema } from './domain-resolver';

/**
 * A react-hook-form form checked by a schema of lib/domain, in the page's language (domain-resolver.ts).
 * Pass the schema as a `lazySchema(() => import(…))` made once (at module level, or in a `useMemo`
 * when it depends on props), so that zod comes when the form is first checked, not with the page.
 */
export function useDomainForm<S extends z.ZodType<unknown, FieldValues>>(
  schema: S | LazySchema<S>,
  props: Omit<UseFormProps<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>, 'resolver'> = {},
) {
  const lang = useTextCatalogue(['schemas']);
  const resolver = useMemo(() => domainResolver(schema, lang), [schema, lang]);
  return useForm<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>({ mode: 'onTouched', ...props, resolver });
}
