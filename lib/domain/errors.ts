// Errors a use case may raise on purpose. Pages turn them into notFound() or a message; the
// HTTP API into { error: { code, message, field? } } with the status below.

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly field?: string;
  /** Machine-readable detail for the client, e.g. the newer version behind a conflict. */
  readonly details?: unknown;
}

/** Not found and not yours look the same, so ids of other deals reveal nothing. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(what = 'deal') {
    super(`No ${what} with that id is visible to you.`);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
  constructor(readonly right: string) {
    super(`You are a member of this deal but lack the "${right}" right.`);
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code = 'invalid';
  override readonly field?: string;
  constructor(message: string, field?: string, readonly problems: { field: string; message: string }[] = field ? [{ field, message }] : []) {
    super(field ? `${field}: ${message}` : message);
    this.field = field;
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
