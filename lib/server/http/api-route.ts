import 'server-only';
import '@/lib/domain/catalogue';
import { cookies, headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import { isDomainError, ValidationError } from '@/lib/domain/errors';
import { problemIn, problemLines, render, text, type LocalText, type Problem, type ProblemIn } from '@/lib/domain/local-text';
import { schemaProblems } from '@/lib/domain/schema-problems';
import { unstorableField } from '@/lib/domain/storable-json';
import { isLocale, localeCookie, type AppLocale } from '@/lib/domain/locale';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { sessionCookieName, refreshedSessionCookie } from '@/lib/infra/session-token';
import { currentSession, loadSessionActor } from '@/lib/server/auth/current-actor';
import { requestOrigin } from '@/lib/server/auth/request-origin';
import { isJsonRequest, writeRefusal } from './same-origin';

export const maxBodyBytes = 64 * 1024;

type ErrorBody = { error: { code: string; message: string; field?: string; problems?: ProblemIn[]; details?: unknown } };

export function errorResponse(status: number, code: string, message: string, extra: Partial<ErrorBody['error']> = {}) {
  return NextResponse.json<ErrorBody>({ error: { code, message, ...extra } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Answers are one user's data: no cache keeps them, unless the handler said otherwise (a file's ETag). */
function noStore(response: Response): Response {
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  return response;
}

/**
 * The language of the API's messages: the reader's chosen language (the cookie the pages set),
 * else the request's Accept-Language when it starts with Chinese, else English: a script that
 * asks for nothing gets the language the API is documented in (docs/decisions/0020).
 */
async function apiLocale(): Promise<AppLocale> {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  return /^zh\b/i.test(((await headers()).get('accept-language') ?? '').trim()) ? 'zh' : 'en';
}

// Prisma's "cannot reach / timed out / connection closed / pool timeout" codes, and PostgreSQL's
// connection exceptions (08xxx) and shutdown / starting-up states (57P01–57P03).
const unavailablePrismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const unavailableSqlState = /^(08...|57P0[123])$/;
const unavailableKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const lostConnection = /Connection terminated|not queryable|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect/;

/**
 * A database that is down or restarting is not a bug: the caller gets a 503 to retry, not a 500.
 * The adapter's error may be the Prisma error, its driverAdapterError, or that error's cause.
 */
function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof e.code === 'string' && (unavailablePrismaCodes.has(e.code) || unavailableSqlState.test(e.code))) return true;
  if (typeof e.originalCode === 'string' && unavailableSqlState.test(e.originalCode)) return true;
  if (typeof e.kind === 'string' && unavailableKinds.has(e.kind)) return true;
  if (typeof e.message === 'string' && lostConnection.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}

export interface ApiContext {
  actor: Actor;
  origin: RequestOrigin;
  /** The language the answer's messages are in. */
  locale: AppLocale;
  /** Reads and validates the JSON body; refuses bodies over the limit (64 KiB unless said), malformed JSON and schema mismatches. */
  body<T extends z.ZodType>(schema: T, options?: { maxBytes?: number }): Promise<z.output<T>>;
  query<T extends z.ZodType>(schema: T): z.output<T>;
}

function tooLarge(limit: number) {
  return new BadRequest(413, 'too_large', text('bodyTooLarge', { size: limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KiB` }));
}

/**
 * The request's body, refused with a 413 once it passes the limit: by its declared length before
 * reading, and while reading, for a body sent in chunks without one.
 */
async function readBody(request: Request, limit: number, refuse: () => Error = () => tooLarge(limit)): Promise<Buffer> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw refuse();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw refuse();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A multipart body read up to the limit (past it, the route's own error is thrown), or null when
 * it does not parse as multipart/form-data.
 */
export async function limitedFormData(request: Request, limit: number, tooLargeError: () => Error): Promise<FormData | null> {
  const bytes = await readBody(request, limit, tooLargeError);
  const contentType = request.headers.get('content-type') ?? '';
  return new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData().catch(() => null);
}

/**
 * A form field holding JSON (beside an uploaded file), parsed and checked as a JSON body is: its
 * problems are named inside that field. Undefined when the field is missing.
 */
export function formJson(form: FormData | null, field: string): unknown {
  const raw = form?.get(field);
  if (typeof raw !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ValidationError(text('notValidJson'), field);
  }
  const unstorable = unstorableField(json);
  if (unstorable) throw ValidationError.listing([{ ...unstorable, field: unstorable.field === '(body)' ? field : `${field}.${unstorable.field}` }]);
  return json;
}

class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalText,
    readonly problems?: Problem[],
  ) {
    super(code);
  }
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: 'place.body' | 'place.query'): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = schemaProblems(parsed.error.issues, value);
  throw new BadRequest(400, 'invalid', text('invalidInput', { what: text(what), problems: problemLines(problems) }), problems);
}

/**
 * Every v1 route handler goes through here: the session gate the proxy keeps for pages (no
 * session, or one past its idle or absolute timeout, is a 401; the last-seen time is rewritten at
 * most once a minute), the session record and user re-read from the database (a revoked session
 * is a 401), the cross-site check for changes (same-origin.ts), then the handler. Domain errors become
 * { error: { code, message, field?, problems? } } with their status, and anything unexpected a 500
 * that says nothing about internals; every message in the reader's language (apiLocale).
 */
export function apiRoute<P>(handler: (request: Request, context: ApiContext, params: P) => Promise<unknown>) {
  return async (request: Request, segment: { params: Promise<P> }) => {
    let locale: AppLocale = 'en';
    try {
      locale = await apiLocale();
      const session = await currentSession();
      if (session && (session.state === 'idle' || session.state === 'expired')) {
        const response = errorResponse(401, 'unauthenticated', render(text('sessionEnded'), locale));
        response.cookies.delete(sessionCookieName);
        return response;
      }
      // The session is read once: React's per-request cache does not run in a route handler.
      const actor = session ? await loadSessionActor(session) : null;
      if (!actor) {
        const response = errorResponse(401, 'unauthenticated', render(text(session ? 'sessionEnded' : 'signInFirst'), locale));
        if (session) response.cookies.delete(sessionCookieName);
        return response;
      }
      const refusal = writeRefusal(request);
      if (refusal === 'cross_site') return errorResponse(403, 'cross_site', render(text('crossSiteWrite'), locale));
      if (refusal === 'content_type') return errorResponse(415, 'unsupported_media_type', render(text('writeContentType'), locale));
      if (session?.state === 'refresh') {
        const cookie = await refreshedSessionCookie(session.token);
        if (cookie) (await cookies()).set(cookie.name, cookie.value, cookie.options);
      }
      const context: ApiContext = {
        actor,
        locale,
        origin: requestOrigin(await headers()),
        async body(schema, options) {
          if (!isJsonRequest(request)) throw new BadRequest(415, 'unsupported_media_type', text('bodyNotJsonType'));
          const limit = options?.maxBytes ?? maxBodyBytes;
          const raw = new TextDecoder().decode(await readBody(request, limit));
          let json: unknown;
          try {
            json = JSON.parse(raw);
          } catch {
            throw new BadRequest(400, 'invalid_json', text('bodyNotJson'));
          }
          const unstorable = unstorableField(json);
          if (unstorable) throw new BadRequest(400, 'invalid', text('invalidInput', { what: text('place.body'), problems: problemLines([unstorable]) }), [unstorable]);
          return parseWith(schema, json, 'place.body');
        },
        query(schema) {
          return parseWith(schema, Object.fromEntries(new URL(request.url).searchParams), 'place.query');
        },
      };
      const result = await handler(request, context, await segment.params);
      return noStore(result instanceof Response ? result : NextResponse.json(result));
    } catch (error) {
      if (error instanceof BadRequest) {
        const problems = error.problems?.map((p) => problemIn(p, locale));
        return errorResponse(error.status, error.code, render(error.text, locale), problems ? { problems, field: problems[0]?.field } : {});
      }
      if (isDomainError(error)) {
        const problems = error instanceof ValidationError && error.problems.length ? { problems: error.problemsIn(locale) } : {};
        const details = error.details === undefined ? {} : { details: error.details };
        return errorResponse(error.status, error.code, error.messageIn(locale), { ...(error.field ? { field: error.field } : {}), ...problems, ...details });
      }
      console.error('API error', error);
      if (isDatabaseUnavailable(error)) {
        const response = errorResponse(503, 'unavailable', render(text('databaseUnavailable'), locale));
        response.headers.set('Retry-After', '5');
        return response;
      }
      return errorResponse(500, 'internal', render(text('internalError'), locale));
    }
  };
}
