import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { render } from '@/lib/domain/local-text';
import type { AppLocale } from '@/lib/domain/locale';
import { schemaProblems } from '@/lib/domain/schema-problems';

/**
 * react-hook-form's check by a schema of lib/domain, the one the API parses the request with: the
 * browser refuses what the server would, with the server's words in the page's language. The
 * schemas' messages are codes; they are rendered here, where the problem reaches its reader, as
 * the API renders them (lib/domain/schema-problems.ts).
 */
export function domainResolver<S extends z.ZodType<unknown, FieldValues>>(schema: S, lang: AppLocale): Resolver<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues> {
  return (values, _context, options) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values: parsed.data as z.output<S> & FieldValues, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const problem of schemaProblems(parsed.error.issues, values)) {
      errors[problem.field] ??= { type: 'schema', message: problem.text ? render(problem.text, lang) : problem.message };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
