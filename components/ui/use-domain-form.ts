'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale } from 'next-intl';
import { useMemo } from 'react';
import { useForm, type FieldValues, type Resolver, type UseFormProps } from 'react-hook-form';
import type { z } from 'zod';
import { parsingIn } from '@/lib/domain/local-text';
import { isLocale } from '@/lib/domain/locale';

/**
 * A react-hook-form form checked by a schema of lib/domain, the one the API parses the request
 * with: the browser refuses what the server would, with the server's words, in the page's
 * language (the schemas' messages are catalogue keys rendered by lib/domain/local-text.ts).
 * zodResolver runs in its sync mode so that the messages are made inside the language's scope.
 */
export function useDomainForm<S extends z.ZodType<unknown, FieldValues>>(schema: S, props: Omit<UseFormProps<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>, 'resolver'> = {}) {
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const resolver = useMemo(() => {
    const check = zodResolver(schema as never, undefined, { mode: 'sync' }) as unknown as Resolver<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>;
    const inLanguage: Resolver<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues> = (values, context, options) => parsingIn(lang, () => check(values, context, options));
    return inLanguage;
  }, [schema, lang]);
  return useForm<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>({ mode: 'onTouched', ...props, resolver });
}
