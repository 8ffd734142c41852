import 'server-only';
import { headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import { isDomainError } from '@/lib/domain/errors';
import type { RequestOrigin } from '@/lib/server/audit/record-security-event';
import { currentActor } from '@/lib/server/auth/current-actor';
import { requestOrigin } from '@/lib/server/auth/request-origin';

export const maxBodyBytes = 64 * 1024;

type ErrorBody = { error: { code: string; message: string; field?: string; problems?: { field: string; message: string }[]; details?: unknown } };

export function errorResponse(status: number, code: string, message: string, extra: Partial<ErrorBody['error']> = {}) {
  return NextResponse.json<ErrorBody>({ error: { code, message, ...extra } }, { status });
}

function zodProblems(error: z.ZodError) {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

export interface ApiContext {
  actor: Actor;
  origin: RequestOrigin;
  /** Reads and validates the JSON body; refuses bodies over the limit (64 KiB unless said), malformed JSON and schema mismatches. */
  body<T extends z.ZodType>(schema: T, options?: { maxBytes?: number }): Promise<z.output<T>>;
  query<T extends z.ZodType>(schema: T): z.output<T>;
}

class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = zodProblems(parsed.error);
  throw new BadRequest(400, 'invalid', `${what}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
}

/**
 * Every v1 route handler goes through here: a session re-checked against the database, then the
 * handler; domain errors become { error: { code, message, field? } } with their status, and
 * anything unexpected a 500 that says nothing about internals.
 */
export function apiRoute<P>(handler: (request: Request, context: ApiContext, params: P) => Promise<unknown>) {
  return async (request: Request, segment: { params: Promise<P> }) => {
    try {
      const actor = await currentActor();
      if (!actor) return errorResponse(401, 'unauthenticated', 'Sign in first: this API needs a session.');
      const context: ApiContext = {
        actor,
        origin: requestOrigin(await headers()),
        async body(schema, options) {
          const limit = options?.maxBytes ?? maxBodyBytes;
          const tooLarge = () => new BadRequest(413, 'too_large', `The body is larger than ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KiB`}.`);
          if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
          const text = await request.text();
          if (Buffer.byteLength(text) > limit) throw tooLarge();
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            throw new BadRequest(400, 'invalid_json', 'The body is not valid JSON.');
          }
          return parseWith(schema, json, 'body');
        },
        query(schema) {
          return parseWith(schema, Object.fromEntries(new URL(request.url).searchParams), 'query');
        },
      };
      const result = await handler(request, context, await segment.params);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      if (error instanceof BadRequest) return errorResponse(error.status, error.code, error.message, error.problems ? { problems: error.problems, field: error.problems[0]?.field } : {});
      if (isDomainError(error)) {
        const problems = 'problems' in error && Array.isArray(error.problems) && error.problems.length ? { problems: error.problems as { field: string; message: string }[] } : {};
        const details = error.details === undefined ? {} : { details: error.details };
        return errorResponse(error.status, error.code, error.message, { ...(error.field ? { field: error.field } : {}), ...problems, ...details });
      }
      console.error('API error', error);
      return errorResponse(500, 'internal', 'The server could not complete this request. Nothing was changed; try again, and tell your administrator if it keeps failing.');
    }
  };
}
