import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { render } from '@/lib/domain/local-text';
import type { AppLocale } from '@/lib/domain/locale';
import { schemaProblems } from '@/lib/domain/schema-problems';

/**
 * A form's schema fetched when the form first checks its values, not with the page: zod and the
 * schema modules of lib/domain are ≈30 KB of compressed JavaScript that a page showing a form has
 * no use for until the reader leaves a field or sends it (docs/decisions/0099-page-weight-under-200-kb.md).
 * Made once per module (or per `useMemo` when the schema depends on props): `load` is asked again
 * only when a fetch failed.
 */
export interface LazySchema<S> {
  load(): Promise<S>;
}

export function lazySchema<S>(load: () => Promise<S>): LazySchema<S> {
  let loading: Promise<S> | undefined;
  return {
    load() {
      loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return loading;
    },
  };
}

const isLazy = <S>(schema: S | LazySchema<S>): schema is LazySchema<S> => typeof (schema as Partial<LazySchema<S>>).load === 'function';

/**
 * react-hook-form's check by a schema of lib/domain, the one the API parses the request with: the
 * browser refuses what the server would, with the server's words in the page's language. The
 * schemas' messages are codes; they are rendered here, where the problem reaches its reader, as
 * the API renders them (lib/domain/schema-problems.ts).
 */
export function domainResolver<S extends z.ZodType<unknown, FieldValues>>(schema: S | LazySchema<S>, lang: AppLocale): Resolver<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues> {
  return async (values, _context, options) => {
    const checked = isLazy(schema) ? await schema.load() : schema;
    const parsed = checked.safeParse(values);
    if (parsed.success) return { values: parsed.data as z.output<S> & FieldValues, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const problem of schemaProblems(parsed.error.issues, values)) {
      errors[problem.field] ??= { type: 'schema', message: problem.text ? render(problem.text, lang) : problem.message };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
