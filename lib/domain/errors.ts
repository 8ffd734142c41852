// Errors a use case may raise on purpose. Pages turn them into notFound() or a message; the
// HTTP API into { error: { code, message, field? } } with the status below, in the reader's
// language when the message comes from the catalogue (lib/domain/local-text.ts).
import type { AppLocale } from './locale';
import { inEnglish, isTextKey, problem, problemIn, problemLine, problemLines, render, text, type Lines, type LocalText, type Problem, type ProblemIn } from './local-text';
import { requestFieldLabel } from './problem-place';

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly field?: string;
  /** Machine-readable detail for the client, e.g. the newer version behind a conflict. */
  readonly details?: unknown;
  /** The message in either language; without it, `message` (English) is all there is. */
  readonly text?: LocalText;

  constructor(message: string | LocalText) {
    super(typeof message === 'string' ? message : inEnglish(message));
    if (typeof message !== 'string') this.text = message;
  }

  messageIn(locale: AppLocale): string {
    return this.text ? render(this.text, locale) : this.message;
  }
}

export type MissingThing = 'deal' | 'agreement' | 'amendment' | 'evidenceFile' | 'member' | 'offer' | 'scenarioVersion' | 'scenario' | 'settlement' | 'user';

/** Not found and not yours look the same, so ids of other deals reveal nothing. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(what: MissingThing = 'deal') {
    super(text('notFound', { thing: text(`thing.${what}`) }));
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
  /** A deal right (view, edit, sign, manage), or what the refused act needed. */
  readonly right: string;

  /** `right` names the right; `described` says what the act needed when that is more than a right's name. */
  constructor(right: string, described?: LocalText) {
    const named = `right.${right}`;
    super(text('forbidden', { right: described ?? (isTextKey(named) ? text(named) : right) }));
    this.right = described ? inEnglish(described) : right;
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code = 'invalid';
  override field?: string;
  readonly problems: Problem[];

  /** A message of its own, or one problem with one field, which the message then names ("file: the file is empty"). */
  constructor(message: string | LocalText, field?: string, problems?: Problem[]) {
    const label = field ? requestFieldLabel(field) : undefined;
    const single = field ? (typeof message === 'string' ? { field, message } : { ...problem(field, message), ...(label ? { label } : {}) }) : null;
    super(single ? (single.text ? problemLine(single) : `${field}: ${single.message}`) : message);
    this.field = field;
    this.problems = problems ?? (single ? [single] : []);
  }

  /**
   * Every problem listed ("a: …; b: …"), inside a headline's {problems} when given one. `field`
   * is the first problem's unless the whole input is named (the message then starts with it).
   * With `atMost`, only that many are listed, then "… and N more".
   */
  static listing(problems: Problem[], headline?: (lines: Lines) => LocalText, field?: string, atMost?: number): ValidationError {
    // A hostile file can produce a problem per cell: past `atMost`, the rest are only counted.
    const shown = atMost !== undefined && problems.length > atMost ? problems.slice(0, atMost) : problems;
    const listed = problemLines(shown);
    const lines: Lines = shown.length < problems.length ? { lines: [...listed.lines, text('andMore', { count: problems.length - shown.length })] } : listed;
    const message = headline ? headline(lines) : text('lines', { lines });
    // The named input by its label ("文件", not "file"), else as given.
    const named = field ? (problems.find((p) => p.field === field && p.label)?.label ?? requestFieldLabel(field) ?? field) : undefined;
    const error = new ValidationError(named ? text('problemLine', { field: named, message }) : message, undefined, shown);
    error.field = field ?? problems[0]?.field;
    return error;
  }

  problemsIn(locale: AppLocale): ProblemIn[] {
    return this.problems.map((item) => problemIn(item, locale));
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
